package org.carespec.platform.person.service;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.carespec.platform.person.domain.RelationshipKind;

/** "This person is {@code kind} that person": {@code CARER_OF}, {@code PARENT_OF}, or has them as {@code NEXT_OF_KIN}. */
@Serdeable
public record RelationshipCommand(@NotNull UUID relatedPersonId, @NotNull RelationshipKind kind) {
}
