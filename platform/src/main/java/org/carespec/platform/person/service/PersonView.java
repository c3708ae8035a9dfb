package org.carespec.platform.person.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.person.domain.Equality;

/** A person's record as their provider's staff see it. Reading it is audited. */
@Serdeable
public record PersonView(UUID id, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                         @Nullable Integer age,
                         @Nullable String nhsNumber, @Nullable String postcode, @Nullable String address,
                         @Nullable String phone, @Nullable String email,
                         @Nullable String gpPractice, @Nullable String localAuthorityCode,
                         @Nullable String preferredLanguage,
                         @Nullable Boolean interpreterNeeded,
                         @Nullable String communicationNeeds, Equality equality, List<RelationshipView> relationships,
                         Instant createdAt, Instant updatedAt) {

    /** A relationship read from this person: {@code CARER_OF} someone, {@code CARED_FOR_BY} someone… */
    @Serdeable
    public record RelationshipView(UUID id, String relationship, UUID personId, String name) {
    }
}
