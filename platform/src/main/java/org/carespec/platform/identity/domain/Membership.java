package org.carespec.platform.identity.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * An account's place in one tenant: the organisation it works for there, its roles, and the name the tenant knows the
 * person by. One per tenant. It is an invitation ({@code acceptedAt} empty) until the person signs in to the tenant.
 */
@MappedEntity("membership")
public record Membership(@Id UUID id, @TenantId @TypeDef(type = DataType.UUID) String tenantId, UUID userId, UUID organisationId,
                         String displayName, @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
                         @Nullable Instant acceptedAt, @DateCreated Instant createdAt) {

    public static String[] names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }
}
