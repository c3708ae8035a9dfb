package org.carespec.platform.codelist.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contract's own entry in a module's code list. */
@Serdeable
public record LocalCodeCommand(@NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$") String code,
                               @NotBlank @Size(max = 200) String label,
                               @Nullable @Size(min = 1, max = 200) String group) {
}
