package org.carespec.platform.ui.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plugin.InstalledRecordType;
import org.carespec.platform.record.repository.RecordFilter;
import org.carespec.platform.record.service.RecordCommand;
import org.carespec.platform.record.service.RecordMove;
import org.carespec.platform.record.service.RecordService;
import org.carespec.platform.record.service.RecordView;

/**
 * Records of any type any module declares: listed, made from the type's JSON Schema, viewed, and moved through the
 * type's lifecycle, through the same service as {@code /api/v1/contracts/{id}/records/{type}}. No module writes a
 * page of its own.
 */
@Hidden
@Controller("/records")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class RecordPages {

    private final SignedInPages pages;
    private final ContractService contracts;
    private final CaseworkAccess access;
    private final RecordService records;
    private final PersonService people;
    private final RecordFormFields formFields;
    private final PageCsrf csrf;

    public RecordPages(SignedInPages pages, ContractService contracts, CaseworkAccess access, RecordService records,
                       PersonService people, RecordFormFields formFields, PageCsrf csrf) {
        this.pages = pages;
        this.contracts = contracts;
        this.access = access;
        this.records = records;
        this.people = people;
        this.formFields = formFields;
        this.csrf = csrf;
    }

    /** The contracts, then the record types of the chosen one. */
    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> types(HttpRequest<?> request, @QueryValue @Nullable String contract) {
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty() || !pages.holdsCaseload()) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/")) : HttpResponse.seeOther(URI.create("/caseload"));
        }
        List<SchemaForm.Option> options = contracts.list(PageRequest.of(0, 200)).items().stream()
                .map(c -> new SchemaForm.Option(c.id().toString(), c.title() + " (" + c.reference() + ")")).toList();
        String chosen = contract != null && options.stream().anyMatch(o -> o.value().equals(contract)) ? contract
                : options.size() == 1 ? options.get(0).value() : null;
        List<RecordsView.TypeLink> types = new ArrayList<>();
        String title = null;
        if (chosen != null) {
            CaseworkAccess.CaseContract held = access.ownContract(UUID.fromString(chosen));
            title = held.contract().title();
            for (InstalledRecordType t : latestTypes(held)) {
                types.add(new RecordsView.TypeLink(t.code(), t.definition().title(),
                        UiText.words(t.definition().subject().name()), t.definition().lifecycle() != null));
            }
        }
        return render(shell.get(), "records", new RecordsView(chosen, title, options, types, null, null, List.of(),
                null, List.of(), List.of(), null), 200);
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{contract}/{type}")
    public HttpResponse<?> list(HttpRequest<?> request, String contract, String type) {
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        try {
            CaseworkAccess.CaseContract held = held(contract);
            InstalledRecordType t = held.module().latestRecordType(type).orElseThrow(() -> new NotFoundException(type));
            Map<UUID, String> names = new LinkedHashMap<>();
            List<RecordsView.Row> rows = records.list(held.id(), type, new RecordFilter(null, null, null, null, null,
                    null, null), PageRequest.of(0, 100)).items().stream().map(r -> new RecordsView.Row(r.id().toString(),
                    UiText.date(r.recordedOn()), r.personId() == null ? "" : names.computeIfAbsent(r.personId(),
                    this::name), r.status() == null ? "" : UiText.words(r.status()))).toList();
            return render(shell.get(), "recordList", new RecordsView(held.id().toString(), held.contract().title(),
                    List.of(), List.of(), type, t.definition().title(), rows, null, List.of(), List.of(), null), 200);
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{contract}/{type}/new")
    public HttpResponse<?> form(HttpRequest<?> request, String contract, String type) {
        return form(request, contract, type, Map.of(), Map.of(), List.of(), 200);
    }

    @Post(value = "/{contract}/{type}/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, String contract, String type,
                                  @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, PageParts.first(form, PageCsrf.FIELD));
        CaseworkAccess.CaseContract held;
        InstalledRecordType t;
        try {
            held = held(contract);
            t = held.module().latestRecordType(type).orElseThrow(() -> new NotFoundException(type));
        } catch (NotFoundException | IllegalArgumentException e) {
            return form(request, contract, type, Map.of(), Map.of(), List.of(), 404);
        }
        JsonNode schema = t.schema().document();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Map<String, Object> data = SchemaForm.read(schema, "data", form, fieldErrors);
        LocalDate recordedOn = DateInput.read(form, "recordedOn");
        if (recordedOn == null) {
            fieldErrors.put("recordedOn", "The day of the record must be a real date");
        }
        UUID person = PageParts.uuid(PageParts.first(form, "personId"));
        Map<String, UUID> links = RecordFormFields.links(t, form);
        if (fieldErrors.isEmpty()) {
            try {
                RecordView made = records.create(held.id(), type, new RecordCommand(person, null, recordedOn, data,
                        links), null);
                return HttpResponse.seeOther(URI.create("/records/view/" + made.id() + "?made=yes"));
            } catch (InvalidRequestException e) {
                for (FieldError error : e.errors()) {
                    fieldErrors.putIfAbsent(error.field(), RecordFormFields.message(held, t, error));
                }
            } catch (ConflictException e) {
                fieldErrors.put("(form)", e.getMessage());
            }
        }
        Map<String, String> entered = PageParts.entered(form);
        return form(request, contract, type, data, entered, RecordFormFields.messages(fieldErrors), 400);
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/view/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, String id, @QueryValue @Nullable String made) {
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        try {
            if (!pages.holdsCaseload()) {
                throw new NotFoundException(id);
            }
            RecordView r = records.get(UUID.fromString(id));
            return render(shell.get(), "recordView", detail(r, List.of(), made == null ? null : "Record made"), 200);
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
    }

    @Post(value = "/view/{id}/moves", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> move(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        try {
            UUID record = UUID.fromString(id);
            try {
                records.move(record, new RecordMove(form.getOrDefault("status", ""), null));
                return HttpResponse.seeOther(URI.create("/records/view/" + record));
            } catch (ConflictException | InvalidRequestException e) {
                String message = e instanceof InvalidRequestException invalid && !invalid.errors().isEmpty()
                        ? invalid.errors().get(0).detail() : e.getMessage();
                return render(shell.get(), "recordView", detail(records.get(record),
                        List.of(new FieldMessage(null, message)), null), 409);
            }
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
    }

    private HttpResponse<?> form(HttpRequest<?> request, String contract, String type, Map<String, ?> data,
                                 Map<String, String> entered, List<FieldMessage> errors, int status) {
        Optional<Shell> shell = pages.shell(request, "records");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        try {
            CaseworkAccess.CaseContract held = held(contract);
            InstalledRecordType t = held.module().latestRecordType(type).orElseThrow(() -> new NotFoundException(type));
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(e -> {
                if (e.field() != null) {
                    byField.putIfAbsent(e.field(), e.message());
                }
            });
            List<SchemaForm.Field> fields = formFields.fields(held, t, data, entered, byField, true);
            return render(shell.get(), "recordForm", new RecordsView(held.id().toString(), held.contract().title(),
                    List.of(), List.of(), type, t.definition().title(), List.of(), null, fields, errors, null), status);
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
    }

    private RecordsView detail(RecordView r, List<FieldMessage> errors, String notice) {
        CaseworkAccess.CaseContract held = access.ownContract(r.contractId());
        List<String> moves = new ArrayList<>();
        held.module().recordType(r.type(), r.typeVersion()).map(t -> t.definition().lifecycle()).ifPresent(l -> {
            if (r.status() != null) {
                l.statuses().stream().filter(s -> l.allows(r.status(), s)).forEach(moves::add);
            }
        });
        List<PersonPage.Row> data = new ArrayList<>();
        flatten("", r.data(), data);
        RecordsView.Detail detail = new RecordsView.Detail(r.id().toString(), UiText.date(r.recordedOn()),
                r.personId() == null ? null : name(r.personId()), r.status() == null ? null : r.status(), data, moves,
                r.revision());
        return new RecordsView(held.id().toString(), held.contract().title(), List.of(), List.of(), r.type(),
                r.title(), List.of(), detail, List.of(), errors, notice);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> data, List<PersonPage.Row> rows) {
        data.forEach((key, value) -> {
            String label = (prefix.isEmpty() ? "" : prefix + ": ") + SchemaForm.words(key);
            if (value instanceof Map<?, ?> inner) {
                flatten(label, (Map<String, Object>) inner, rows);
            } else if (value instanceof List<?> list) {
                rows.add(new PersonPage.Row(label, String.join(", ", list.stream().map(v -> v instanceof Map<?, ?>
                        ? v.toString() : UiText.words(String.valueOf(v))).toList())));
            } else if (value instanceof Boolean b) {
                rows.add(new PersonPage.Row(label, b ? "Yes" : "No"));
            } else if (value != null) {
                rows.add(new PersonPage.Row(label, String.valueOf(value)));
            }
        });
    }

    private List<InstalledRecordType> latestTypes(CaseworkAccess.CaseContract held) {
        Map<String, InstalledRecordType> latest = new LinkedHashMap<>();
        held.module().recordTypes().forEach(t -> latest.merge(t.code(), t, (a, b) -> a.version() >= b.version() ? a : b));
        return List.copyOf(latest.values());
    }

    private CaseworkAccess.CaseContract held(String contract) {
        if (!pages.holdsCaseload()) {
            throw new NotFoundException(contract);
        }
        return access.ownContract(UUID.fromString(contract));
    }

    private String name(UUID person) {
        var p = people.get(person);
        return p.givenName() + " " + p.familyName();
    }

    private HttpResponse<?> render(Shell shell, String template, RecordsView view, int status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell);
        model.put("view", view);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>(template, model));
    }
}
