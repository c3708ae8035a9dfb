package org.carespec.platform.group.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.group.service.GroupCommands;
import org.carespec.platform.group.service.GroupSessionService;
import org.carespec.platform.group.service.GroupSessionView;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Groups and attendance: provider staff and volunteers. */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER, RoleNames.VOLUNTEER})
public class GroupSessionController {

    private final GroupSessionService groups;

    public GroupSessionController(GroupSessionService groups) {
        this.groups = groups;
    }

    @Operation(operationId = "createGroupSession", summary = "Record a group session",
            description = "409 when a facilitator does not meet a requirement of the contract's module (a volunteer's"
                    + " training out of date).")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post("/contracts/{contractId}/group-sessions")
    public HttpResponse<GroupSessionView> create(UUID contractId, @Body @Valid GroupCommands.NewSession command,
                                                 @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        GroupSessionView session = groups.create(contractId, command, idempotencyKey);
        return HttpResponse.created(session, URI.create("/api/v1/group-sessions/" + session.id()));
    }

    @Operation(operationId = "listGroupSessions", summary = "List group sessions")
    @Get("/group-sessions")
    public Page<GroupSessionView> list(@QueryValue @Nullable UUID contractId, @QueryValue @Nullable LocalDate from,
                                       @QueryValue @Nullable LocalDate to, @QueryValue @Nullable Integer page,
                                       @QueryValue @Nullable Integer size) {
        return groups.list(contractId, from, to, PageRequest.of(page, size));
    }

    @Operation(operationId = "getGroupSession", summary = "Read a group session")
    @ProblemResponses.NotFound
    @Get("/group-sessions/{id}")
    public GroupSessionView get(UUID id) {
        return groups.get(id);
    }

    @Operation(operationId = "recordAttendance", summary = "Record a group session's attendance")
    @ProblemResponses.NotFound
    @Put("/group-sessions/{id}/attendance")
    public GroupSessionView attendance(UUID id, @Body @Valid GroupCommands.Attendance attendance) {
        return groups.recordAttendance(id, attendance);
    }
}
