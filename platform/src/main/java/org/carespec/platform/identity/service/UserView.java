package org.carespec.platform.identity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * A user of this tenant. {@code newAccount} is false when an existing login was added to the tenant, in which case
 * the password given (if any) was not applied.
 */
@Serdeable
public record UserView(UUID id, String email, String displayName, UUID organisationId, Set<Role> roles,
                       boolean safeguardingLead, boolean locked, Instant addedAt, @Nullable Boolean newAccount) {
}
