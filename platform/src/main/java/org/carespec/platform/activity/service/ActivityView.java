package org.carespec.platform.activity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record ActivityView(UUID id, UUID contractId, UUID personId, @Nullable UUID referralId, String type,
                           LocalDate occurredOn, @Nullable Integer durationMinutes, @Nullable UUID workerId,
                           @Nullable String agency, @Nullable String notes,
                           Map<String, Object> data, String recordedBy, Instant createdAt) {
}
