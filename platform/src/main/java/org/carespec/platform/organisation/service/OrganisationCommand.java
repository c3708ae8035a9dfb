package org.carespec.platform.organisation.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carespec.platform.organisation.domain.OrganisationKind;

/** A new commissioner or provider. The ODS code and charity number are optional. */
@Serdeable
public record OrganisationCommand(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationKind kind,
        @Nullable @Pattern(regexp = "^[A-Z0-9]{3,10}$", message = "must be an ODS code: 3 to 10 capital letters or digits")
        String odsCode,
        @Nullable @Pattern(regexp = "^[0-9A-Z-]{5,12}$", message = "must be a charity number, e.g. 1234567 or SC012345")
        String charityNumber) {
}
