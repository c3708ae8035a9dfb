package org.carespec.platform.contract.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.contract.domain.ContractBasis;

/** A new contract. {@code settings} may be partial: the module's defaults fill the rest. */
@Serdeable
public record ContractCommand(
        @NotBlank @Size(max = 40) String moduleId,
        @NotBlank @Size(max = 60) String reference,
        @NotBlank @Size(max = 300) String title,
        @NotNull UUID commissionerId,
        @NotNull UUID providerId,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Nullable LocalDate reviewDate,
        @NotNull @PositiveOrZero @Max(100_000_000_000L) Long annualValuePence,
        @NotNull ContractBasis basis,
        @Nullable @Size(max = 5) Set<@NotNull @Min(1) @Max(5) Integer> outcomeDomains,
        @Nullable Map<String, Object> settings,
        @Nullable @Size(max = 200) String contractManagerName,
        @Nullable @jakarta.validation.constraints.Email @Size(max = 254) String contractManagerEmail,
        @Nullable @Pattern(regexp = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$") @Size(max = 40) String specificationPart,
        @Nullable @Size(min = 1, max = 100) String unitOfMeasurement,
        @Nullable @PositiveOrZero @Max(100_000_000_000L) Long unitPricePence,
        @Nullable @Size(min = 1, max = 500) String volumeThresholds,
        @Nullable @PositiveOrZero @Max(100_000_000_000L) Long maxUnitPricePence) {
}
