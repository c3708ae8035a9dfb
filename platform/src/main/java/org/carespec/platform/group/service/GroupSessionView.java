package org.carespec.platform.group.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A group session. Volunteers see it without its notes. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupSessionView(UUID id, UUID contractId, String type, @Nullable String title, LocalDate heldOn,
                               @Nullable String place,
                               List<UUID> facilitatorIds, @Nullable String notes, List<Attendee> attendees,
                               List<GroupCommands.Headcount> headcounts, int totalAttendance) {

    @Serdeable
    public record Attendee(UUID personId, String name) {
    }
}
