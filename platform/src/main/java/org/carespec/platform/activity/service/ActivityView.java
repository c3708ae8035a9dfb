package org.carespec.platform.activity.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record ActivityView(UUID id, UUID contractId, UUID personId, UUID referralId, String type,
                           LocalDate occurredOn, Integer durationMinutes, UUID workerId, String agency, String notes,
                           Map<String, Object> data, String recordedBy, Instant createdAt) {
}
