package org.carespec.platform.organisation.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.domain.OrganisationKind;

@Serdeable
public record OrganisationView(UUID id, String name, OrganisationKind kind, @Nullable String odsCode,
                               @Nullable String charityNumber,
                               Instant createdAt) {

    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.name(), o.kind(), o.odsCode(), o.charityNumber(), o.createdAt());
    }
}
