package org.carespec.platform.outcome.web;

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
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.outcome.service.OutcomeService;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Outcome measures: readings of a module's instrument over time, and the distance travelled on each scale. */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1/persons/{personId}")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class OutcomeController {

    private final OutcomeService outcomes;

    public OutcomeController(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Operation(operationId = "recordOutcomeReading", summary = "Record an outcome reading")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @Post("/outcome-readings")
    public HttpResponse<OutcomeService.Outcomes> record(UUID personId, @Body @Valid OutcomeService.Reading reading,
                                                       @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        return HttpResponse.created(outcomes.record(personId, reading, idempotencyKey),
                URI.create("/api/v1/persons/" + personId + "/outcomes?instrument=" + reading.instrument()));
    }

    @Operation(operationId = "listPersonOutcomes", summary = "List a person's outcome readings")
    @ProblemResponses.NotFound
    @Get("/outcomes")
    public OutcomeService.Outcomes outcomes(UUID personId, @QueryValue @NotBlank String instrument) {
        return outcomes.outcomes(personId, instrument);
    }
}
