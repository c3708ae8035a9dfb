package org.carespec.platform.form.web;

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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.form.service.FormSubmissionCommand;
import org.carespec.platform.form.service.FormSubmissionView;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.record.service.RecordCommand;
import org.carespec.platform.record.service.RecordService;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/**
 * The form-submission routes of API 1.1, kept for clients written against them: a form submission is a record about
 * a person (plugin contract 2), and these routes read and make records through {@link RecordService}. Deprecated in
 * the document; new clients use {@code /api/v1/contracts/{id}/records/{type}} and {@code /api/v1/records/{id}}.
 */
@Tag(name = "records")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class FormSubmissionController {

    private final RecordService records;

    public FormSubmissionController(RecordService records) {
        this.records = records;
    }

    @Operation(operationId = "submitForm", summary = "Submit a module's form (use createRecord)", deprecated = true)
    @ProblemResponses.NotFound
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true,
            description = "Whose form, for which referral, and the form's data.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a form",
                    summary = "data follows the form's JSON Schema, whose own examples are in GET /api/v1/modules/{id}",
                    value = """
                    {
                      "personId": "01a22f8f-054e-77c4-a95f-84621eb6d968",
                      "referralId": "01a22f8f-0551-7a10-9a3c-6f1de0d0f002",
                      "submittedOn": "2026-08-12",
                      "data": {}
                    }""")}))
    @Post("/contracts/{contractId}/forms/{formCode}")
    public HttpResponse<FormSubmissionView> submit(UUID contractId,
                                                   @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String formCode,
                                                   @Body @Valid FormSubmissionCommand command,
                                                   @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        FormSubmissionView submission = FormSubmissionView.of(records.create(contractId, formCode,
                new RecordCommand(command.personId(), command.referralId(), command.submittedOn(), command.data(), null),
                idempotencyKey));
        return HttpResponse.created(submission, URI.create("/api/v1/form-submissions/" + submission.id()));
    }

    @Operation(operationId = "getFormSubmission", summary = "Read a form submission (use getRecord)", deprecated = true)
    @ProblemResponses.NotFound
    @Get("/form-submissions/{id}")
    public FormSubmissionView get(UUID id) {
        var record = records.get(id);
        if (record.personId() == null) {
            throw new org.carespec.platform.errors.NotFoundException("Form submission " + id);
        }
        return FormSubmissionView.of(record);
    }

    @Operation(operationId = "listPersonFormSubmissions", summary = "List a person's form submissions (use listPersonRecords)",
            deprecated = true)
    @ProblemResponses.NotFound
    @Get("/persons/{personId}/form-submissions")
    public Page<FormSubmissionView> ofPerson(UUID personId,
                                             @QueryValue @Nullable @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String formCode,
                                             @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return records.ofPerson(personId, formCode, PageRequest.of(page, size)).map(FormSubmissionView::of);
    }
}
