package org.carespec.platform.workforce.web;

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
import java.util.UUID;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.platform.workforce.service.WorkerCommands;
import org.carespec.platform.workforce.service.WorkerService;
import org.carespec.platform.workforce.service.WorkerView;
import org.carespec.plugin.api.RoleNames;

/** Workforce records: the provider manager keeps them; practitioners may read them to plan work. */
@Tag(name = "workforce")
@ProblemResponses.SignedIn
@Controller("/api/v1/workers")
@Secured(RoleNames.PROVIDER_MANAGER)
public class WorkerController {

    private final WorkerService workers;

    public WorkerController(WorkerService workers) {
        this.workers = workers;
    }

    @Operation(operationId = "createWorker", summary = "Create a worker record")
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<WorkerView> create(@Body @Valid WorkerCommands.NewWorker command,
                                           @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        WorkerView worker = workers.create(command, idempotencyKey);
        return HttpResponse.created(worker, URI.create("/api/v1/workers/" + worker.id()));
    }

    @Operation(operationId = "listWorkers", summary = "List workers")
    @Get
    @Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public Page<WorkerView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return workers.list(PageRequest.of(page, size));
    }

    @Operation(operationId = "getWorker", summary = "Read a worker record")
    @ProblemResponses.NotFound
    @Get("/{id}")
    @Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public WorkerView get(UUID id) {
        return workers.get(id);
    }

    @Operation(operationId = "recordTraining", summary = "Record training")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post("/{id}/training")
    public HttpResponse<WorkerView> addTraining(UUID id, @Body @Valid WorkerCommands.Training command) {
        return HttpResponse.created(workers.addTraining(id, command), URI.create("/api/v1/workers/" + id));
    }

    @Operation(operationId = "recordDbsCheck", summary = "Record a DBS check")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post("/{id}/dbs-checks")
    public HttpResponse<WorkerView> addDbsCheck(UUID id, @Body @Valid WorkerCommands.DbsCheck command) {
        return HttpResponse.created(workers.addDbsCheck(id, command), URI.create("/api/v1/workers/" + id));
    }
}
