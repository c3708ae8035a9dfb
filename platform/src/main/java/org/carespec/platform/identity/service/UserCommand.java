package org.carespec.platform.identity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * A person who will sign in to this tenant. If the e-mail address already has an account (in this or another
 * tenant) the account is added to this tenant as it is: its password is not changed, and {@code password} may
 * be left out.
 */
@Serdeable
public record UserCommand(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Size(max = 128) String password,
        @NotNull UUID organisationId,
        @NotEmpty @Size(max = 5) Set<@NotNull Role> roles) {
}
