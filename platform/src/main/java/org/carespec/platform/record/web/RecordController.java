package org.carespec.platform.record.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.record.repository.RecordFilter;
import org.carespec.platform.record.service.RecordChange;
import org.carespec.platform.record.service.RecordCommand;
import org.carespec.platform.record.service.RecordMove;
import org.carespec.platform.record.service.RecordService;
import org.carespec.platform.record.service.RecordView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/**
 * Records of every type every module declares, through one API: made under a contract, listed with filters, read,
 * amended and moved through their lifecycle by the contract's provider.
 */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class RecordController {

    private static final String TYPE = "^[a-z][a-z0-9-]{0,63}$";

    private final RecordService records;

    public RecordController(RecordService records) {
        this.records = records;
    }

    @Operation(operationId = "createRecord", summary = "Make a record of a module's record type")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true, description = "Whom it is about (as the type's subject allows), the day, the data"
            + " (the type's JSON Schema, served by GET /api/v1/modules/{id}) and links to other records by name.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a record about a person", value = """
                    {
                      "personId": "01a22f8f-054e-77c4-a95f-84621eb6d968",
                      "referralId": "01a22f8f-0551-7a10-9a3c-6f1de0d0f002",
                      "recordedOn": "2026-08-12",
                      "data": {}
                    }"""),
            @ExampleObject(name = "a contract-level record with a link", value = """
                    {
                      "recordedOn": "2026-08-12",
                      "data": {},
                      "links": {"application": "01a22f8f-0551-7a10-9a3c-6f1de0d0f0a1"}
                    }""")}))
    @Post("/contracts/{contractId}/records/{type}")
    public HttpResponse<RecordView> create(UUID contractId, @Pattern(regexp = TYPE) String type,
                                           @Body @Valid RecordCommand command,
                                           @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        RecordView record = records.create(contractId, type, command, idempotencyKey);
        return HttpResponse.created(record, URI.create("/api/v1/records/" + record.id()));
    }

    @Operation(operationId = "listRecords", summary = "List a contract's records of one type")
    @ProblemResponses.NotFound
    @Get("/contracts/{contractId}/records/{type}")
    public Page<RecordView> list(UUID contractId, @Pattern(regexp = TYPE) String type,
                                 @QueryValue @Nullable UUID personId, @QueryValue @Nullable UUID referralId,
                                 @QueryValue @Nullable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
                                 String status,
                                 @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                 @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return records.list(contractId, type, new RecordFilter(contractId, type, personId, referralId, status, from,
                to), PageRequest.of(page, size));
    }

    @Operation(operationId = "getRecord", summary = "Read a record")
    @ProblemResponses.NotFound
    @Get("/records/{id}")
    public RecordView get(UUID id) {
        return records.get(id);
    }

    @Operation(operationId = "amendRecord", summary = "Amend a record's data or links")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Put("/records/{id}")
    public RecordView amend(UUID id, @Body @Valid RecordChange change) {
        return records.amend(id, change);
    }

    @Operation(operationId = "moveRecord", summary = "Move a record to another status of its lifecycle")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/records/{id}/moves")
    public RecordView move(UUID id, @Body @Valid RecordMove move) {
        return records.move(id, move);
    }

    @Operation(operationId = "listPersonRecords", summary = "List a person's records")
    @ProblemResponses.NotFound
    @Get("/persons/{personId}/records")
    public Page<RecordView> ofPerson(UUID personId, @QueryValue @Nullable @Pattern(regexp = TYPE) String type,
                                     @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return records.ofPerson(personId, type, PageRequest.of(page, size));
    }
}
