package org.carespec.platform.identity.service;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * A user of this tenant, by the name this tenant knows them by. {@code invited} is true until the person first signs
 * in to this tenant; it reads the same whether or not the e-mail address had an account before (issue 17, finding 2).
 */
@Serdeable
public record UserView(UUID id, String email, String displayName, UUID organisationId, Set<Role> roles,
                       boolean safeguardingLead, boolean locked, Instant addedAt,
                       @Schema(description = "True until the person first signs in to this tenant") boolean invited) {
}
