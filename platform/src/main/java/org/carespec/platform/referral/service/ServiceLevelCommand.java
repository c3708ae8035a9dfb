package org.carespec.platform.referral.service;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** The level of service a referral gets, checked against the module's rules (an enhanced service needs a CLA). */
@Serdeable
public record ServiceLevelCommand(
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z_]{1,31}$", message = "must be a level code such as BASIC") String level,
        @NotNull @DecimalMin("0") @DecimalMax("168") BigDecimal hoursPerWeek) {
}
