package org.carespec.platform.feedback.web;

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
import org.carespec.platform.feedback.service.FeedbackService;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Complaints, compliments and testimony: provider staff. */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class FeedbackController {

    private final FeedbackService feedback;

    public FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Operation(operationId = "recordFeedback", summary = "Record feedback")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @Post("/contracts/{contractId}/feedback")
    public HttpResponse<FeedbackService.FeedbackView> record(UUID contractId,
                                                             @Body @Valid FeedbackService.NewFeedback command,
                                                             @Nullable @Header(Idempotency.HEADER) String key) {
        FeedbackService.FeedbackView view = feedback.record(contractId, command, key);
        return HttpResponse.created(view, URI.create("/api/v1/feedback/" + view.id()));
    }

    @Operation(operationId = "getFeedback", summary = "Read feedback")
    @ProblemResponses.NotFound
    @Get("/feedback/{id}")
    public FeedbackService.FeedbackView get(UUID id) {
        return feedback.get(id);
    }

    @Operation(operationId = "listFeedback", summary = "List feedback")
    @Get("/feedback")
    public Page<FeedbackService.FeedbackView> list(@QueryValue @Nullable UUID contractId,
                                                   @QueryValue @Nullable FeedbackService.Kind kind,
                                                   @QueryValue @Nullable Integer page,
                                                   @QueryValue @Nullable Integer size) {
        return feedback.list(contractId, kind, PageRequest.of(page, size));
    }
}
