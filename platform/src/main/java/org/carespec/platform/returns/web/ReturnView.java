package org.carespec.platform.returns.web;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.returns.domain.ReturnDeadline.Timeliness;

/**
 * A contract's return for one period. While it is a DRAFT every figure is computed live from the case record.
 *
 * @param status     DRAFT (submission, approval and versions arrive with the rest of the returns issue)
 * @param timeliness ON_TIME, DUE, OVERDUE or SUBMITTED_LATE against {@code dueDate}
 */
@Serdeable
public record ReturnView(UUID contractId, String moduleId, String period, LocalDate periodStart, LocalDate periodEnd,
                         String status, LocalDate dueDate, Timeliness timeliness, Instant submittedAt,
                         List<Line> lines, List<Narrative> narratives) {

    /** A KPI: its figure, numerator and denominator for percentages, and its breakdown cells. */
    @Serdeable
    public record Line(String code, String title, String source, String unit, BigDecimal value,
                       BigDecimal numerator, BigDecimal denominator, List<Cell> breakdown) {
    }

    @Serdeable
    public record Cell(String dimension, String category, BigDecimal value, BigDecimal numerator,
                       BigDecimal denominator) {
    }

    /** A line a person writes (unmet needs, testimony); empty until written. */
    @Serdeable
    public record Narrative(String code, String title, String source, String guidance, String text) {
    }
}
