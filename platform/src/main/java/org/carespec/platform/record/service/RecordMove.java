package org.carespec.platform.record.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A move through the record type's lifecycle, to {@code status}, on a day (today when left out). */
@Serdeable
public record RecordMove(@NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$") String status,
                         @Nullable LocalDate on) {
}
