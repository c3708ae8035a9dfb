package org.carespec.platform.organisation.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/** A commissioner or a provider inside one tenant. A provider serving two tenants is an organisation in each. */
@MappedEntity("organisation")
public record Organisation(@Id UUID id, @TenantId @TypeDef(type = DataType.UUID) String tenantId, String name, OrganisationKind kind,
                           @Nullable String odsCode, @Nullable String charityNumber, @DateCreated Instant createdAt) {
}
