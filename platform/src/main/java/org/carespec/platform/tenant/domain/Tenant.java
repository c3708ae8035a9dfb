package org.carespec.platform.tenant.domain;

import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.carespec.platform.calendar.Nation;

/** A commissioning partnership hosting its commissioners and providers ("Dorset", "Kirklees"). */
@MappedEntity("tenant")
public record Tenant(@Id UUID id, String slug, String name, Nation nation, @DateCreated Instant createdAt) {
}
