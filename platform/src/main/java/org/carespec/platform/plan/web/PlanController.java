package org.carespec.platform.plan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.plan.service.PlanCommands;
import org.carespec.platform.plan.service.PlanService;
import org.carespec.platform.plan.service.PlanView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Plans and their reviews: provider staff. */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class PlanController {

    private final PlanService plans;

    public PlanController(PlanService plans) {
        this.plans = plans;
    }

    @Operation(operationId = "agreePlan", summary = "Agree a support plan")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @Post("/referrals/{referralId}/plans")
    public HttpResponse<PlanView> agree(UUID referralId, @Body @Valid PlanCommands.NewPlan command,
                                        @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        PlanView plan = plans.agree(referralId, command, idempotencyKey);
        return HttpResponse.created(plan, URI.create("/api/v1/plans/" + plan.id()));
    }

    @Operation(operationId = "getPlan", summary = "Read a support plan")
    @ProblemResponses.NotFound
    @Get("/plans/{id}")
    public PlanView get(UUID id) {
        return plans.get(id);
    }

    @Operation(operationId = "reviewPlan", summary = "Review a support plan")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @Post("/plans/{id}/reviews")
    public HttpResponse<PlanView> review(UUID id, @Body @Valid PlanCommands.Review command) {
        return HttpResponse.created(plans.review(id, command), URI.create("/api/v1/plans/" + id));
    }
}
