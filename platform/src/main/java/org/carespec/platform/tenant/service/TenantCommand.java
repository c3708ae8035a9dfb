package org.carespec.platform.tenant.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carespec.platform.calendar.Nation;

/**
 * A new tenant with its hosting commissioner and its first administrator: what an operator needs to hand a
 * commissioning partnership the keys.
 */
@Serdeable
public record TenantCommand(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$", message = "must be 2 to 40 lower-case letters, digits or"
                + " hyphens, starting with a letter") String slug,
        @NotBlank @Size(max = 200) String name,
        @Nullable Nation nation,
        @NotNull @Valid HostOrganisation hostOrganisation,
        @NotNull @Valid FirstAdministrator administrator) {

    /** The commissioning organisation that hosts the tenant. */
    @Serdeable
    public record HostOrganisation(
            @NotBlank @Size(max = 200) String name,
            @Nullable @Pattern(regexp = "^[A-Z0-9]{3,10}$", message = "must be an ODS code") String odsCode) {
    }

    /**
     * The tenant's first administrator, and the password a new account starts with; an existing account is invited
     * and keeps its own (see {@link org.carespec.platform.identity.service.UserCommand}).
     */
    @Serdeable
    public record FirstAdministrator(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 128) String password) {
    }
}
