package org.carespec.platform.identity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.carespec.plugin.api.Role;

/**
 * A change to a user of this tenant: their name, their roles here, and whether they are a named safeguarding lead.
 * Fields left out stay as they are. New roles take effect at the user's next sign-in or token refresh.
 */
@Serdeable
public record UserChange(@Nullable @Size(min = 1, max = 200) String displayName,
                         @Nullable @Size(min = 1, max = 5) Set<@NotNull Role> roles,
                         @Nullable Boolean safeguardingLead) {
}
