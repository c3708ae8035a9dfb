package org.carespec.platform.record.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A record as its provider's people read it: its type and the version it was made or last amended with, its
 * subject, status, data (sensitive fields decrypted) and links; {@code revision} counts its changes from 1.
 */
@Serdeable
public record RecordView(UUID id, UUID contractId, String type, int typeVersion, String title,
                         @Nullable UUID personId, @Nullable UUID referralId, @Nullable String status,
                         @Nullable LocalDate statusOn, LocalDate recordedOn, Map<String, Object> data,
                         Map<String, UUID> links, int revision, @Nullable String recordedBy, Instant createdAt,
                         Instant updatedAt) {
}
