package org.carespec.platform.ui.web;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.group.service.GroupCommands;
import org.carespec.platform.group.service.GroupSessionService;
import org.carespec.platform.group.service.GroupSessionView;

/**
 * A group session and its attendance, recorded from one page in one transaction: if the attendance is refused, the
 * session is not kept either (nothing half-written).
 */
@Singleton
public class GroupSessionRecorder {

    private final GroupSessionService groups;

    public GroupSessionRecorder(GroupSessionService groups) {
        this.groups = groups;
    }

    @Transactional
    public GroupSessionView record(UUID contract, GroupCommands.NewSession session, List<UUID> attendees,
                                   List<GroupCommands.Headcount> headcounts) {
        GroupSessionView made = groups.create(contract, session, null);
        return groups.recordAttendance(made.id(), new GroupCommands.Attendance(attendees, headcounts));
    }
}
