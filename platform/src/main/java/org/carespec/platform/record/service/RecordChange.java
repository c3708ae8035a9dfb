package org.carespec.platform.record.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An amendment: the whole new data (validated against the type's newest version), the links when they change, and
 * the revision the change was made from, so that two people amending at once do not overwrite each other.
 */
@Serdeable
public record RecordChange(@NotNull @Min(1) Integer revision, @Nullable LocalDate recordedOn,
                           @NotNull Map<String, Object> data, @Nullable Map<String, UUID> links) {
}
