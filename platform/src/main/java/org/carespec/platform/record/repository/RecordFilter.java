package org.carespec.platform.record.repository;

import java.time.LocalDate;
import java.util.UUID;

/** What a list of records may be narrowed by; {@code null} leaves a filter out. */
public record RecordFilter(UUID contractId, String typeCode, UUID personId, UUID referralId, String status,
                           LocalDate from, LocalDate to) {
}
