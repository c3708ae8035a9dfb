package org.carespec.platform.tenant.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.tenant.domain.Tenant;

@Serdeable
public record TenantView(UUID id, String slug, String name, Nation nation, Instant createdAt) {

    public static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.slug(), t.name(), t.nation(), t.createdAt());
    }
}
