package org.carespec.platform.contract.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.carespec.platform.contract.domain.ContractBasis;

/**
 * A change to a contract: fields left out stay as they are. {@code settings}, when given, replaces the settings
 * (defaults fill what it leaves out). The module and the two parties cannot change: that is a new contract.
 */
@Serdeable
public record ContractChange(
        @Nullable @Size(min = 1, max = 60) String reference,
        @Nullable @Size(min = 1, max = 300) String title,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable LocalDate reviewDate,
        @Nullable @PositiveOrZero @Max(100_000_000_000L) Long annualValuePence,
        @Nullable ContractBasis basis,
        @Nullable @Size(max = 5) Set<@NotNull @Min(1) @Max(5) Integer> outcomeDomains,
        @Nullable Map<String, Object> settings,
        @Nullable @Size(max = 200) String contractManagerName,
        @Nullable @jakarta.validation.constraints.Email @Size(max = 254) String contractManagerEmail,
        @Nullable @Size(min = 1, max = 100) String unitOfMeasurement,
        @Nullable @PositiveOrZero @Max(100_000_000_000L) Long unitPricePence,
        @Nullable @Size(min = 1, max = 500) String volumeThresholds,
        @Nullable @PositiveOrZero @Max(100_000_000_000L) Long maxUnitPricePence) {
}
