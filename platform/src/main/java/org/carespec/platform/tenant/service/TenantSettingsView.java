package org.carespec.platform.tenant.service;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A tenant's own settings. {@code suppressSmallNumbers} (off by default) shows breakdown cells of returns from 1 to
 * {@code suppressionThreshold - 1} (default 5) as {@code "<5"} to everyone outside the provider.
 */
@Serdeable
public record TenantSettingsView(String nation, boolean suppressSmallNumbers, int suppressionThreshold) {
}
