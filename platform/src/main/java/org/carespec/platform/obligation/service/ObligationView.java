package org.carespec.platform.obligation.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.carespec.platform.obligation.domain.ObligationSchedule.Status;
import org.carespec.platform.returns.service.ReturnCommands;

/** One occurrence of a contract obligation: what, when it is due, and whether it was done. */
@Serdeable
public record ObligationView(String code, String title, String source, String occurrence, LocalDate dueDate,
                             Status status, @Nullable LocalDate doneOn, @Nullable String doneBy,
                             @Nullable String note) {

    /** The provider's manager records an occurrence as done. */
    @Serdeable
    public record Done(@NotNull @PastOrPresent LocalDate doneOn,
                       @Nullable @Size(max = 4000) @Pattern(regexp = ReturnCommands.TEXT,
                               message = ReturnCommands.NO_CONTROLS) String note) {
    }
}
