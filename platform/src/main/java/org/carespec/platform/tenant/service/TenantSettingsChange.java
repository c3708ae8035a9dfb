package org.carespec.platform.tenant.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A change to a tenant's settings: what is given changes, the rest stays. */
@Serdeable
public record TenantSettingsChange(@Nullable Boolean suppressSmallNumbers,
                                   @Nullable @Min(2) @Max(100) Integer suppressionThreshold) {
}
