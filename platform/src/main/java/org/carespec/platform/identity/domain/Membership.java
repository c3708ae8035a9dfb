package org.carespec.platform.identity.domain;

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

/** An account's place in one tenant: the organisation it works for there and its roles. One per tenant. */
@MappedEntity("membership")
public record Membership(@Id UUID id, @TenantId @TypeDef(type = DataType.UUID) String tenantId, UUID userId, UUID organisationId,
                         @TypeDef(type = DataType.STRING_ARRAY) String[] roles, @DateCreated Instant createdAt) {

    public static String[] names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }
}
