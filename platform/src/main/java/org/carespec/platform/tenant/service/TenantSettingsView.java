package org.carespec.platform.tenant.service;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.carespec.platform.calendar.Nation;

/**
 * A tenant's own settings. {@code suppressSmallNumbers} (off by default) shows breakdown cells of returns from 1 to
 * {@code suppressionThreshold - 1} (default 5) as {@code "<5"} to everyone outside the provider.
 */
@Serdeable
public record TenantSettingsView(@Schema(implementation = Nation.class) String nation, boolean suppressSmallNumbers, int suppressionThreshold) {
}
