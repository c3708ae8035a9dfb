package org.carespec.platform.person.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.carespec.platform.person.domain.Equality;

/**
 * A change to a person's record ({@code PATCH}): fields left out stay as they are and an empty string clears a text
 * field. The NHS number, when given, must pass the Modulus 11 check; the postcode must be a UK postcode.
 */
@Serdeable
public record PersonChange(
        @Nullable @Size(max = 100) String givenName,
        @Nullable @Size(max = 100) String familyName,
        @Nullable @Past LocalDate dateOfBirth,
        @Nullable @Size(max = 20) String nhsNumber,
        @Nullable @Size(max = 10) String postcode,
        @Nullable @Size(max = 500) String address,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Size(max = 200) String gpPractice,
        @Nullable @Pattern(regexp = "^([ENSW][0-9]{8})?$",
                message = "must be an ONS local authority code such as E08000034") String localAuthorityCode,
        @Nullable @Size(max = 100) String preferredLanguage,
        @Nullable Boolean interpreterNeeded,
        @Nullable @Size(max = 2000) String communicationNeeds,
        @Nullable @Valid Equality equality) {
}
