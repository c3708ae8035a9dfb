package org.carespec.platform.identity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /login}: the e-mail address, the password and, for accounts in several tenants, the tenant's slug. */
@Serdeable
public record LoginCommand(@NotBlank @Size(max = 254) String username,
                           @NotBlank @Size(max = 128) String password,
                           @Nullable @Size(max = 40) String tenant) {
}
