package org.carespec.platform.form.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.form.service.FormSubmissionCommand;
import org.carespec.platform.form.service.FormSubmissionService;
import org.carespec.platform.form.service.FormSubmissionView;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.plugin.api.RoleNames;

/** Forms a module defines (assessments, plans, records), submitted about a person. */
@Controller("/api/v1")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class FormSubmissionController {

    private final FormSubmissionService forms;

    public FormSubmissionController(FormSubmissionService forms) {
        this.forms = forms;
    }

    @Post("/contracts/{contractId}/forms/{formCode}")
    public HttpResponse<FormSubmissionView> submit(UUID contractId,
                                                   @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String formCode,
                                                   @Body @Valid FormSubmissionCommand command,
                                                   @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        FormSubmissionView submission = forms.submit(contractId, formCode, command, idempotencyKey);
        return HttpResponse.created(submission, URI.create("/api/v1/form-submissions/" + submission.id()));
    }

    @Get("/form-submissions/{id}")
    public FormSubmissionView get(UUID id) {
        return forms.get(id);
    }

    @Get("/persons/{personId}/form-submissions")
    public Page<FormSubmissionView> ofPerson(UUID personId,
                                             @QueryValue @Nullable @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String formCode,
                                             @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return forms.ofPerson(personId, formCode, PageRequest.of(page, size));
    }
}
