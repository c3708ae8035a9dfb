package org.carespec.platform.ui.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.plugin.InstalledRecordType;
import org.carespec.platform.record.service.RecordChange;
import org.carespec.platform.record.service.RecordService;
import org.carespec.platform.record.service.RecordView;

/**
 * Changing a record: its day, links and data shown as they stand, saved as the API's amendment (the record keeps
 * what it was as a revision). Two people changing one record at once: the second is told, with what they typed
 * kept, and saves again over the record as it now is.
 */
@Hidden
@Controller("/records/view/{id}/change")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class RecordChangePage {

    private final SignedInPages pages;
    private final CaseworkAccess access;
    private final RecordService records;
    private final RecordFormFields formFields;
    private final PageCsrf csrf;

    public RecordChangePage(SignedInPages pages, CaseworkAccess access, RecordService records,
                            RecordFormFields formFields, PageCsrf csrf) {
        this.pages = pages;
        this.access = access;
        this.records = records;
        this.formFields = formFields;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<RecordView> r = record(id);
        if (r.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> entered = new LinkedHashMap<>();
        DateInput.enter(entered, "recordedOn", r.get().recordedOn());
        r.get().links().forEach((name, linked) -> entered.put(RecordFormFields.LINK + name, linked.toString()));
        return page(shell.get(), r.get(), r.get().data(), entered, r.get().revision(), List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, String id, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, PageParts.first(form, PageCsrf.FIELD));
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<RecordView> r = record(id);
        if (r.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        CaseworkAccess.CaseContract held = access.ownContract(r.get().contractId());
        InstalledRecordType t = held.module().latestRecordType(r.get().type()).orElseThrow();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Map<String, Object> data = SchemaForm.read(t.schema().document(), "data", form, fieldErrors);
        LocalDate recordedOn = DateInput.read(form, "recordedOn");
        if (recordedOn == null) {
            fieldErrors.put("recordedOn", "The day of the record must be a real date");
        }
        int revision = number(PageParts.first(form, "revision"));
        if (fieldErrors.isEmpty()) {
            try {
                records.amend(r.get().id(), new RecordChange(revision, recordedOn, data,
                        RecordFormFields.links(t, form)));
                return HttpResponse.seeOther(URI.create("/records/view/" + r.get().id()));
            } catch (InvalidRequestException e) {
                for (FieldError error : e.errors()) {
                    fieldErrors.putIfAbsent(error.field(), RecordFormFields.message(held, t, error));
                }
            } catch (ConflictException e) {
                // someone saved it first: say so, keep what was typed, and let it be saved over the record as it is
                fieldErrors.put("(form)", "Someone else changed this record while you were changing it. What you"
                        + " typed is below; check it against the record and save again.");
                revision = r.get().revision();
            }
        }
        Map<String, String> entered = PageParts.entered(form);
        List<FieldMessage> errors = RecordFormFields.messages(fieldErrors);
        return page(shell.get(), r.get(), data, entered, revision, errors, errors.isEmpty() ? 200
                : fieldErrors.containsKey("(form)") ? 409 : 400);
    }

    private HttpResponse<?> page(Shell shell, RecordView r, Map<String, ?> data, Map<String, String> entered,
                                 int revision, List<FieldMessage> errors, int status) {
        CaseworkAccess.CaseContract held = access.ownContract(r.contractId());
        InstalledRecordType t = held.module().latestRecordType(r.type()).orElseThrow();
        Map<String, String> byField = StepForm.byField(errors);
        RecordsView view = new RecordsView(held.id().toString(), held.contract().title(), List.of(), List.of(),
                r.type(), "Change: " + t.definition().title(), List.of(), null,
                formFields.fields(held, t, data, entered, byField, false), errors, null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell);
        model.put("view", view);
        model.put("action", "/records/view/" + r.id() + "/change");
        model.put("revision", String.valueOf(revision));
        return HttpResponse.status(HttpStatus.valueOf(status)).body(new ModelAndView<>("recordForm", model));
    }

    private Optional<RecordView> record(String id) {
        UUID record = PageParts.uuid(id);
        if (record == null || !pages.holdsCaseload()) {
            return Optional.empty();
        }
        try {
            return Optional.of(records.get(record));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
