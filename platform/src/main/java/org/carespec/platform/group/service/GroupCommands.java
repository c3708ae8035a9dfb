package org.carespec.platform.group.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Group sessions and who came. */
public final class GroupCommands {

    private GroupCommands() {
    }

    /** A session of a type from the module's group-type list: a link group, a workshop, a support group… */
    @Serdeable
    public record NewSession(@NotBlank @Size(max = 64) String type, @Nullable @Size(max = 200) String title,
                             @NotNull LocalDate heldOn, @Nullable @Size(max = 200) String place,
                             @Nullable @Size(max = 20) List<@NotNull UUID> facilitatorIds,
                             @Nullable @Size(max = 4000) String notes) {
    }

    /**
     * Who attended: named people, and head counts by group where people are not named. Replaces what was recorded
     * before.
     */
    @Serdeable
    public record Attendance(@Nullable @Size(max = 500) List<@NotNull UUID> personIds,
                             @Nullable @Size(max = 50) List<@Valid @NotNull Headcount> headcounts) {
    }

    @Serdeable
    public record Headcount(@NotBlank @Size(max = 100) String category, @NotNull @Min(0) @Max(100000) Integer count) {
    }
}
