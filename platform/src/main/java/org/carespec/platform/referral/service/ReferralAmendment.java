package org.carespec.platform.referral.service;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * New form data for a referral (the whole form, as for a new referral) and why it changed ("caring role confirmed
 * at first contact", "crisis: lost their home"); eligibility and priority are run again on it.
 */
@Serdeable
public record ReferralAmendment(@NotNull Map<String, Object> data, @NotBlank @Size(max = 1000) String reason) {
}
