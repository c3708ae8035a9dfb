package org.carespec.platform.safeguarding.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
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
import org.carespec.platform.safeguarding.service.SafeguardingService;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Safeguarding: anyone at the provider raises a concern; the manager and named leads read and act. */
@Tag(name = "safeguarding")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER, RoleNames.VOLUNTEER})
public class SafeguardingController {

    private final SafeguardingService safeguarding;

    public SafeguardingController(SafeguardingService safeguarding) {
        this.safeguarding = safeguarding;
    }

    @Operation(operationId = "raiseSafeguardingConcern", summary = "Raise a safeguarding concern")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @Post("/contracts/{contractId}/safeguarding-concerns")
    public HttpResponse<SafeguardingService.Receipt> raise(UUID contractId,
                                                           @Body @Valid SafeguardingService.NewConcern concern,
                                                           @Nullable @Header(Idempotency.HEADER) String key) {
        SafeguardingService.Receipt receipt = safeguarding.raise(contractId, concern, key);
        return HttpResponse.created(receipt, URI.create("/api/v1/safeguarding-concerns/" + receipt.id()));
    }

    @Operation(operationId = "listSafeguardingConcerns", summary = "List safeguarding concerns")
    @Get("/safeguarding-concerns")
    public Page<SafeguardingService.ConcernView> list(@QueryValue @Nullable SafeguardingService.Status status,
                                                      @QueryValue @Nullable Integer page,
                                                      @QueryValue @Nullable Integer size) {
        return safeguarding.list(status, PageRequest.of(page, size));
    }

    @Operation(operationId = "getSafeguardingConcern", summary = "Read a safeguarding concern")
    @ProblemResponses.NotFound
    @Get("/safeguarding-concerns/{id}")
    public SafeguardingService.ConcernView get(UUID id) {
        return safeguarding.get(id);
    }

    @Operation(operationId = "updateSafeguardingConcern", summary = "Update a safeguarding concern")
    @ProblemResponses.NotFound
    @Patch("/safeguarding-concerns/{id}")
    public SafeguardingService.ConcernView update(UUID id, @Body @Valid SafeguardingService.Change change) {
        return safeguarding.update(id, change);
    }
}
