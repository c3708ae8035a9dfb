package org.carespec.platform.identity.service;

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
 * A person who will sign in to this tenant, by the name this tenant will know them by. {@code password} is the one a
 * new account starts with. If the e-mail address already has an account (in another tenant) that person is invited
 * instead: they keep their own password (the one given is discarded) and join when they sign in to this tenant. The
 * answer is the same either way, so it tells nothing about other tenants' people (issue 17, finding 2).
 */
@Serdeable
public record UserCommand(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(max = 128) String password,
        @NotNull UUID organisationId,
        @NotEmpty @Size(max = 5) Set<@NotNull Role> roles) {
}
