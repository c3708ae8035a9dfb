package org.carespec.platform.person.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

/** A line of the people list. Volunteers see the names only, to mark attendance. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonListItem(UUID id, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                             @Nullable String postcode) {
}
