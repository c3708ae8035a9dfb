package org.carespec.platform.person.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.carespec.platform.person.domain.Equality;

/**
 * A person the caller's organisation works with: a service user, a carer, a child, a member. The names are required;
 * the NHS number, when given, must pass the Modulus 11 check; the postcode must be a UK postcode. The local authority
 * is the ONS code of the council the person lives in, recorded when a worker has confirmed it (a postcode district
 * can straddle a council boundary).
 */
@Serdeable
public record PersonCommand(@NotBlank @Size(max = 100) String givenName,
                            @NotBlank @Size(max = 100) String familyName,
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

    public PersonChange asChange() {
        return new PersonChange(givenName, familyName, dateOfBirth, nhsNumber, postcode, address, phone, email,
                gpPractice, localAuthorityCode, preferredLanguage, interpreterNeeded, communicationNeeds, equality);
    }
}
