package org.carespec.platform.referral.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.referral.service.DeclineLetter;
import org.carespec.platform.referral.service.ReferralCommand;
import org.carespec.platform.referral.service.ReferralEventCommand;
import org.carespec.platform.referral.service.ReferralEvents;
import org.carespec.platform.referral.service.ReferralFilter;
import org.carespec.platform.referral.service.ReferralIntake;
import org.carespec.platform.referral.service.ReferralList;
import org.carespec.platform.referral.service.ReferralListItem;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralServiceLevels;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.platform.referral.service.ServiceLevelCommand;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;
import org.carespec.plugin.api.rules.Priority;

/** Referrals: the provider's case work. Commissioners see returns and figures, never referrals. */
@Tag(name = "referrals")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class ReferralController {

    private final ReferralIntake intake;
    private final ReferralReader reader;
    private final ReferralEvents events;
    private final ReferralServiceLevels levels;
    private final ReferralList list;
    private final DeclineLetter letters;

    public ReferralController(ReferralIntake intake, ReferralReader reader, ReferralEvents events,
                              ReferralServiceLevels levels, ReferralList list, DeclineLetter letters) {
        this.intake = intake;
        this.reader = reader;
        this.events = events;
        this.levels = levels;
        this.list = list;
        this.letters = letters;
    }

    @Operation(operationId = "createReferral", summary = "Create a referral")
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true,
            description = "Who is referred, when (UK local time), from where (the module's referral sources) and "
                    + "the module's referral form.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a referral",
                    summary = "data follows the module's referral form; its examples are in GET /api/v1/modules/{id}",
                    value = """
                    {
                      "personId": "01a22f8f-054e-77c4-a95f-84621eb6d968",
                      "receivedAt": "2026-08-04T09:00:00",
                      "source": "GP",
                      "relatedPersonIds": [],
                      "data": {}
                    }""")}))
    @Post("/contracts/{contractId}/referrals")
    public HttpResponse<ReferralView> create(UUID contractId, @Body @Valid ReferralCommand command,
                                             @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        ReferralView referral = intake.create(contractId, command, idempotencyKey);
        return HttpResponse.created(referral, URI.create("/api/v1/referrals/" + referral.id()));
    }

    /**
     * The caller's organisation's referrals, newest first; {@code overdue=true} lists those with a clock past its due
     * date, most overdue first. {@code receivedFrom} and {@code receivedTo} are dates, both included; {@code open=true}
     * leaves out declined and closed referrals; {@code moduleId} keeps those under contracts of one service module;
     * {@code search} is a name (any part, any case) or an NHS number.
     */
    @Operation(operationId = "listReferrals", summary = "List referrals (the caseload)")
    @Get("/referrals")
    public Page<ReferralListItem> list(@QueryValue @Nullable UUID contractId,
                                       @QueryValue @Nullable ReferralStatus status,
                                       @QueryValue @Nullable Priority priority, @QueryValue @Nullable Boolean overdue,
                                       @QueryValue @Nullable LocalDate receivedFrom,
                                       @QueryValue @Nullable LocalDate receivedTo,
                                       @QueryValue @Nullable Boolean open,
                                       @QueryValue @Nullable @Size(max = 64) String moduleId,
                                       @QueryValue @Nullable @Size(max = 100) String search,
                                       @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw InvalidRequestException.of("receivedTo", "must not be before receivedFrom");
        }
        ReferralFilter filter = ReferralFilter.all().contract(contractId).status(status).priority(priority)
                .overdue(Boolean.TRUE.equals(overdue)).received(
                        receivedFrom == null ? null : receivedFrom.atStartOfDay(LondonTime.ZONE).toInstant(),
                        receivedTo == null ? null : receivedTo.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant())
                .module(moduleId).search(search);
        if (Boolean.TRUE.equals(open)) {
            filter = filter.open();
        }
        return list.list(filter, PageRequest.of(page, size));
    }

    @Operation(operationId = "getReferral", summary = "Read a referral")
    @ProblemResponses.NotFound
    @Get("/referrals/{id}")
    public ReferralView get(UUID id) {
        return reader.get(id);
    }

    @Operation(operationId = "recordReferralEvent", summary = "Record a referral event")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true,
            description = "The event, when it happened (UK local time; now if left out), and what its type needs.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "contacted",
                    summary = "First contact made",
                    value = """
                    {
                      "type": "CONTACTED",
                      "occurredAt": "2026-08-05T11:00:00"
                    }"""),
            @ExampleObject(name = "declined",
                    summary = "Not accepted: DECLINED needs a reason, a code from the module's decline reasons",
                    value = """
                    {
                      "type": "DECLINED",
                      "occurredAt": "2026-08-06T10:00:00",
                      "reason": "A_DECLINE_REASON",
                      "note": "Lives in Calderdale; signposted there"
                    }"""),
            @ExampleObject(name = "closed, goals met",
                    summary = "CLOSED needs an outcome",
                    value = """
                    {
                      "type": "CLOSED",
                      "occurredAt": "2027-02-01T10:00:00",
                      "outcome": {
                        "result": "GOALS_MET"
                      }
                    }"""),
            @ExampleObject(name = "closed, moved on",
                    summary = "Moved on to employment",
                    value = """
                    {
                      "type": "CLOSED",
                      "occurredAt": "2027-02-01T10:00:00",
                      "outcome": {
                        "result": "MOVED_ON",
                        "destination": "A_DESTINATION"
                      }
                    }"""),
            @ExampleObject(name = "closed, left early",
                    summary = "Left before the goals were met",
                    value = """
                    {
                      "type": "CLOSED",
                      "occurredAt": "2027-02-01T10:00:00",
                      "outcome": {
                        "result": "LEFT_BEFORE_GOALS_MET",
                        "reason": "A_LEAVING_REASON"
                      }
                    }""")}))
    @Post("/referrals/{id}/events")
    public HttpResponse<ReferralView> addEvent(UUID id, @Body @Valid ReferralEventCommand command,
                                               @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        ReferralView referral = events.add(id, command, idempotencyKey);
        return HttpResponse.created(referral, URI.create("/api/v1/referrals/" + id));
    }

    @Operation(operationId = "setReferralServiceLevel", summary = "Set a referral's service level")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/referrals/{id}/service-level")
    public ReferralView setServiceLevel(UUID id, @Body @Valid ServiceLevelCommand command) {
        return levels.set(id, command);
    }

    /** The letter of a declined referral: HTML, or PDF with {@code format=pdf}. */
    @Operation(operationId = "getDeclineLetter", summary = "Read a declined referral's letter")
    @ApiResponse(responseCode = "200", description = "The letter, as HTML or as PDF.", content = {
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")),
        @Content(mediaType = MediaType.APPLICATION_PDF, schema = @Schema(type = "string", format = "binary"))})
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Get("/referrals/{id}/decline-letter")
    public HttpResponse<?> declineLetter(UUID id, @QueryValue @Nullable String format) {
        if (format == null || format.equals("html")) {
            return HttpResponse.ok(letters.html(id)).contentType(MediaType.TEXT_HTML_TYPE);
        }
        if (format.equals("pdf")) {
            return HttpResponse.ok(letters.pdf(id)).contentType(MediaType.APPLICATION_PDF_TYPE)
                    .header("Content-Disposition", "inline; filename=\"referral-" + id + "-not-accepted.pdf\"");
        }
        throw InvalidRequestException.of("format", "must be html or pdf");
    }
}
