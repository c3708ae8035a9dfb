package org.carespec.platform.form.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A submission keeps the form version it was made with. */
@Serdeable
public record FormSubmissionView(UUID id, UUID contractId, UUID personId, @Nullable UUID referralId, String formCode,
                                 int formVersion, LocalDate submittedOn, Map<String, Object> data, String submittedBy,
                                 Instant createdAt) {

    /** A record about a person, as this older view showed a form submission. */
    public static FormSubmissionView of(org.carespec.platform.record.service.RecordView r) {
        return new FormSubmissionView(r.id(), r.contractId(), r.personId(), r.referralId(), r.type(), r.typeVersion(),
                r.recordedOn(), r.data(), r.recordedBy(), r.createdAt());
    }
}
