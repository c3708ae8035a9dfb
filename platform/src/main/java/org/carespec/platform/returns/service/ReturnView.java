package org.carespec.platform.returns.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.returns.domain.ReturnCell;
import org.carespec.platform.returns.domain.ReturnDeadline.Timeliness;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.domain.ReturnNarrative;
import org.carespec.platform.returns.domain.ReturnStatus;
import org.carespec.plugin.api.kpi.KpiUnit;

/**
 * A contract's return for one period. While it is a DRAFT (or RETURNED, awaiting its next version) every figure is
 * computed live from the case record; once SUBMITTED or APPROVED it shows the frozen snapshot of its latest version.
 *
 * @param status      DRAFT, SUBMITTED, APPROVED or RETURNED
 * @param timeliness  ON_TIME, DUE, OVERDUE or SUBMITTED_LATE against {@code dueDate}
 * @param submittedAt when it was first submitted
 * @param versions    every submitted version, oldest first
 */
@Serdeable
public record ReturnView(UUID contractId, String moduleId, String period, LocalDate periodStart, LocalDate periodEnd,
                         ReturnStatus status, LocalDate dueDate, Timeliness timeliness, @Nullable Instant submittedAt,
                         List<Line> lines, List<Narrative> narratives, List<Version> versions) {

    /**
     * A KPI: its figure (after any adjustment), numerator and denominator for percentages, and its breakdown cells;
     * {@code definition} is what the line counts, in the module's words.
     * {@code computedValue} and {@code adjustmentJustification} are set when the provider adjusted the figure;
     * {@code previousValue} is the figure of the last submitted version, so a resubmission shows what changed.
     */
    @Serdeable
    public record Line(String code, String title, String source, @Nullable String definition,
                       @Schema(implementation = KpiUnit.class) String unit, @Nullable BigDecimal value,
                       @Nullable BigDecimal numerator, @Nullable BigDecimal denominator, List<Cell> breakdown,
                       @Nullable BigDecimal computedValue,
                       @Nullable String adjustmentJustification, @Nullable BigDecimal previousValue) {

        /** A line of the return as the API shows it, with the figure of the last submitted version if any. */
        public static Line of(ReturnLine l, BigDecimal previous) {
            return new Line(l.code(), l.title(), l.source(), l.definition(), l.unit(), l.value(), l.numerator(), l.denominator(),
                    l.breakdown().stream().map(Cell::of).toList(), l.computedValue(), l.adjustmentJustification(),
                    previous);
        }
    }

    /** A submitted version: its frozen snapshot's hash, whether the stored snapshot still matches it, the decision. */
    @Serdeable
    public record Version(int version, ReturnStatus status, Instant submittedAt, String submittedBy,
                          String snapshotHash,
                          boolean snapshotIntact, @Nullable Instant decidedAt, @Nullable String decidedBy,
                          @Nullable String comment) {
    }

    /** A breakdown cell; {@code suppressed} (such as {@code "<5"}) replaces a small number for readers outside the provider. */
    @Serdeable
    public record Cell(String dimension, String category, @Nullable BigDecimal value, @Nullable BigDecimal numerator,
                       @Nullable BigDecimal denominator, @Nullable String suppressed) {

        static Cell of(ReturnCell c) {
            return new Cell(c.dimension(), c.category(), c.value(), c.numerator(), c.denominator(), c.suppressed());
        }
    }

    /** A line a person writes (unmet needs, testimony); empty until written. */
    @Serdeable
    public record Narrative(String code, String title, String source, String guidance, @Nullable String text) {

        static Narrative of(ReturnNarrative n) {
            return new Narrative(n.code(), n.title(), n.source(), n.guidance(), n.text());
        }
    }
}
