package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One of the module's own referral events: its code (as the module declares it, GET /api/v1/modules/{id}), when it
 * happened (UK local time; now when left out) and an optional note, encrypted at rest.
 */
@Serdeable
public record ModuleEventCommand(@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$") @Size(max = 40) String code,
                                 @Nullable @Size(max = 40) String occurredAt, @Nullable @Size(max = 4000) String note) {
}
