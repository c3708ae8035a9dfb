package org.carespec.platform.returns.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.returns.domain.ReturnDeadline.Timeliness;
import org.carespec.platform.returns.domain.ReturnStatus;
import org.carespec.plugin.api.kpi.KpiUnit;

/** What the commissioner's overview and trend views show. */
public final class ReturnSummary {

    private ReturnSummary() {
    }

    /** One contract's return for a period, without its figures: where it stands. */
    @Serdeable
    public record Item(UUID contractId, String moduleId, String reference, String title, UUID providerId,
                       String providerName, String period, ReturnStatus status, int versions, LocalDate dueDate,
                       Timeliness timeliness, @Nullable Instant submittedAt) {
    }

    /** A KPI's value for one period: from the latest submitted snapshot, or computed live while a draft. */
    @Serdeable
    public record Point(String period, ReturnStatus status, BigDecimal value, @Nullable BigDecimal numerator,
                        @Nullable BigDecimal denominator) {
    }

    @Serdeable
    public record Series(UUID contractId, String code, String title,
                         @Schema(implementation = KpiUnit.class) String unit, List<Point> points) {
    }

    /** The same KPI for every contract of a module the caller may see, for one period. */
    @Serdeable
    public record Comparison(String moduleId, String code, String period, List<ComparedContract> contracts) {
    }

    @Serdeable
    public record ComparedContract(UUID contractId, String reference, UUID providerId, String providerName,
                                   ReturnStatus status, BigDecimal value, @Nullable BigDecimal numerator,
                                   @Nullable BigDecimal denominator) {
    }
}
