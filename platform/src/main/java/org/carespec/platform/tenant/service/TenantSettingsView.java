package org.carespec.platform.tenant.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A tenant's own settings. {@code suppressSmallNumbers} (off by default) shows breakdown cells of returns from 1 to
 * {@code suppressionThreshold - 1} (default 5) as {@code "<5"} to everyone outside the provider.
 */
@Serdeable
public record TenantSettingsView(String nation, boolean suppressSmallNumbers, int suppressionThreshold) {

    @Serdeable
    public record Change(@Nullable Boolean suppressSmallNumbers,
                         @Nullable @Min(2) @Max(100) Integer suppressionThreshold) {
    }
}
