package org.carespec.platform.referral.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.referral.service.AssessmentView;
import org.carespec.platform.referral.service.ModuleEventCommand;
import org.carespec.platform.referral.service.ReferralAmendment;
import org.carespec.platform.referral.service.ReferralAmendments;
import org.carespec.platform.referral.service.ReferralModuleEvents;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/**
 * A referral's form amended and its eligibility and priority run again, the history of those verdicts, and the events a
 * module declares beside the platform's.
 */
@Tag(name = "referrals")
@ProblemResponses.SignedIn
@Controller("/api/v1/referrals/{id}")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class ReferralAssessmentController {

    private final ReferralAmendments amendments;
    private final ReferralModuleEvents moduleEvents;

    public ReferralAssessmentController(ReferralAmendments amendments, ReferralModuleEvents moduleEvents) {
        this.amendments = amendments;
        this.moduleEvents = moduleEvents;
    }

    @Operation(operationId = "recordReferralModuleEvent", summary = "Record one of the module's own referral events")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.CREATED)
    @io.micronaut.http.annotation.Post("/module-events")
    public ReferralView recordModuleEvent(UUID id, @Body @Valid ModuleEventCommand command) {
        return moduleEvents.record(id, command);
    }

    @Operation(operationId = "amendReferralData", summary = "Amend a referral's form and assess it again")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Put("/data")
    public ReferralView amend(UUID id, @Body @Valid ReferralAmendment change) {
        return amendments.amend(id, change);
    }

    @Operation(operationId = "listReferralAssessments", summary = "List every eligibility and priority verdict on a"
            + " referral")
    @ProblemResponses.NotFound
    @Get("/assessments")
    public Page<AssessmentView> assessments(UUID id, @QueryValue @Nullable Integer page,
                                            @QueryValue @Nullable Integer size) {
        return Page.slice(amendments.assessments(id), PageRequest.of(page, size));
    }
}
