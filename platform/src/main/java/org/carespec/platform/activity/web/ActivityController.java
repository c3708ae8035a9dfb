package org.carespec.platform.activity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.activity.service.ActivityCommand;
import org.carespec.platform.activity.service.ActivityService;
import org.carespec.platform.activity.service.ActivityView;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Activities and contacts: provider staff. */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class ActivityController {

    private final ActivityService activities;

    public ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @Operation(operationId = "recordActivity", summary = "Record an activity")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post("/contracts/{contractId}/activities")
    public HttpResponse<ActivityView> record(UUID contractId, @Body @Valid ActivityCommand command,
                                             @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        ActivityView activity = activities.record(contractId, command, idempotencyKey);
        return HttpResponse.created(activity, URI.create("/api/v1/activities/" + activity.id()));
    }

    @Operation(operationId = "getActivity", summary = "Read an activity")
    @ProblemResponses.NotFound
    @Get("/activities/{id}")
    public ActivityView get(UUID id) {
        return activities.get(id);
    }

    @Operation(operationId = "listActivities", summary = "List activities")
    @Get("/activities")
    public Page<ActivityView> list(@QueryValue @Nullable UUID personId, @QueryValue @Nullable UUID referralId,
                                   @QueryValue @Nullable UUID contractId, @QueryValue @Nullable LocalDate from,
                                   @QueryValue @Nullable LocalDate to, @QueryValue @Nullable Integer page,
                                   @QueryValue @Nullable Integer size) {
        return activities.list(personId, referralId, contractId, from, to, PageRequest.of(page, size));
    }
}
