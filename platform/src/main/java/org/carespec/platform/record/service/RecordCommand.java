package org.carespec.platform.record.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A new record: whom it is about (as the record type's subject allows), the referral it belongs to, the day it
 * records, its data (the type's JSON Schema) and its links to other records of the contract, by link name.
 */
@Serdeable
public record RecordCommand(@Nullable UUID personId, @Nullable UUID referralId, @Nullable LocalDate recordedOn,
                            @NotNull Map<String, Object> data, @Nullable Map<String, UUID> links) {
}
