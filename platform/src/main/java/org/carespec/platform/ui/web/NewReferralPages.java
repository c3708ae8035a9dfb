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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.contract.service.ContractView;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;
import org.carespec.platform.plugin.InstalledForm;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.referral.service.ReferralCommand;
import org.carespec.platform.referral.service.ReferralIntake;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * A new referral in the browser: choose the contract and the person, then the source, and fill in the module's form
 * for it, rendered from its JSON Schema. The referral is made by the same service as
 * {@code POST /api/v1/contracts/{id}/referrals}, so its rules, verdict, priority and clocks are the API's; its
 * errors come back beside their fields in plain English, with everything entered kept.
 */
@Hidden
@Controller("/referrals/new")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class NewReferralPages {

    private final SignedInPages pages;
    private final ContractService contracts;
    private final PersonService people;
    private final ContractChoices choices;
    private final PluginRegistry plugins;
    private final ReferralIntake intake;
    private final PageCsrf csrf;
    private final Clock clock;

    public NewReferralPages(SignedInPages pages, ContractService contracts, PersonService people,
                            ContractChoices choices, PluginRegistry plugins, ReferralIntake intake, PageCsrf csrf,
                            Clock clock) {
        this.pages = pages;
        this.contracts = contracts;
        this.people = people;
        this.choices = choices;
        this.plugins = plugins;
        this.intake = intake;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** Step one: the contract, and the person found by name. */
    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> choose(HttpRequest<?> request, @QueryValue @Nullable String contract,
                                  @QueryValue @Nullable String q) {
        Optional<Shell> shell = pages.shell(request, "new-referral");
        if (shell.isEmpty() || !pages.holdsCaseload()) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/")) : HttpResponse.seeOther(URI.create("/caseload"));
        }
        List<SchemaForm.Option> contractOptions = contracts.list(PageRequest.of(0, 200)).items().stream()
                .map(c -> new SchemaForm.Option(c.id().toString(), c.title() + " (" + c.reference() + ")")).toList();
        String query = q == null ? "" : q.strip();
        List<SchemaForm.Option> found = query.isEmpty() ? List.of() : people.list(query, PageRequest.of(0, 20))
                .items().stream().map(p -> new SchemaForm.Option(p.id().toString(), p.givenName() + " "
                        + p.familyName() + (p.dateOfBirth() == null ? "" : ", born " + UiText.date(p.dateOfBirth()))))
                .toList();
        String chosen = contract != null ? contract : contractOptions.size() == 1 ? contractOptions.get(0).value()
                : null;
        return render(shell.get(), "newReferral", new NewReferralView(contractOptions, chosen, query, found, null,
                null, List.of(), null, List.of(), List.of(), null, List.of(), null, List.of()), 200);
    }

    /** Step two: the source; then the form for it. */
    @Connectable // one connection for the whole page: its session is set up once
    @Get("/form")
    public HttpResponse<?> form(HttpRequest<?> request, @QueryValue @Nullable String contract,
                                @QueryValue @Nullable String person, @QueryValue @Nullable String source) {
        Optional<Shell> shell = pages.shell(request, "new-referral");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<Chosen> chosen = chosen(contract, person);
        if (chosen.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/referrals/new"));
        }
        return form(shell.get(), chosen.get(), source, Map.of(), defaultReceived(), List.of(), Map.of(),
                relatedIds(chosen.get().person()), 200);
    }

    @Post(value = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, PageParts.first(form, PageCsrf.FIELD));
        Optional<Shell> shell = pages.shell(request, "new-referral");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<Chosen> chosen = chosen(PageParts.first(form, "contract"), PageParts.first(form, "person"));
        String source = PageParts.first(form, "source");
        if (chosen.isEmpty() || source == null) {
            return HttpResponse.seeOther(URI.create("/referrals/new"));
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Optional<InstalledForm> moduleForm = chosen.get().module().referralFormFor(source);
        Map<String, Object> data = moduleForm.map(f -> SchemaForm.read(f.schema().document(), "data", form,
                fieldErrors)).orElse(Map.of());
        Map<String, Object> received = readReceived(form, fieldErrors);
        List<String> related = form.getOrDefault("relatedPersonIds", List.of());
        if (fieldErrors.isEmpty()) {
            try {
                ReferralView made = intake.create(chosen.get().contract().id(), new ReferralCommand(
                        chosen.get().person().id(), receivedAt((String) received.get("date")), source,
                        related.stream().map(PageParts::uuid).filter(java.util.Objects::nonNull).toList(),
                        data), null);
                return HttpResponse.seeOther(URI.create("/referrals/" + made.id() + "?done=RECEIVED"));
            } catch (InvalidRequestException e) {
                for (FieldError error : e.errors()) {
                    fieldErrors.putIfAbsent(error.field(), moduleForm.isPresent()
                            ? SchemaForm.plain(moduleForm.get().schema().document(), "data", error.field(),
                            error.detail()) : error.detail());
                }
            } catch (ConflictException e) {
                fieldErrors.put("(form)", e.getMessage());
            }
        }
        List<FieldMessage> summary = new ArrayList<>();
        fieldErrors.forEach((field, message) -> summary.add(new FieldMessage(field.startsWith("(") ? null
                : anchor(field, moduleForm), message)));
        return form(shell.get(), chosen.get(), source, data, received, summary, fieldErrors, related, 400);
    }

    private HttpResponse<?> form(Shell shell, Chosen chosen, String source, Map<String, ?> data,
                                 Map<String, Object> received, List<FieldMessage> summary,
                                 Map<String, String> fieldErrors, List<String> related, int status) {
        UUID contractId = chosen.contract().id();
        List<SchemaForm.Option> sources = choices.options(contractId, CodeLists.REFERRAL_SOURCE);
        List<SchemaForm.Option> relatedOptions = chosen.person().relationships().stream()
                .map(r -> new SchemaForm.Option(r.personId().toString(), r.name() + " (" + UiText.words(
                        r.relationship()) + ")")).toList();
        List<SchemaForm.Field> fields = List.of();
        String formTitle = null;
        if (source != null) {
            Optional<InstalledForm> moduleForm = chosen.module().referralFormFor(source);
            if (moduleForm.isPresent()) {
                JsonNode schema = moduleForm.get().schema().document();
                fields = SchemaForm.fields(schema, "data", data, fieldErrors, list -> choices.options(contractId, list));
                formTitle = moduleForm.get().definition().title();
            }
        }
        SchemaForm.Field receivedField = new SchemaForm.Field("date", "receivedAt", "When the referral came",
                "For example, 27 3 2026", true, null, List.of(), List.of(), fieldErrors.get("receivedAt"),
                List.of(), received.get("parts") instanceof Map<?, ?> parts ? stringMap(parts) : Map.of(), null);
        NewReferralView view = new NewReferralView(List.of(new SchemaForm.Option(contractId.toString(),
                chosen.contract().title())), contractId.toString(), null, List.of(), chosen.person().id().toString(),
                chosen.person().givenName() + " " + chosen.person().familyName(), sources, source, relatedOptions,
                related, receivedField, fields, formTitle, summary);
        return render(shell, "newReferralForm", view, status);
    }

    private Map<String, Object> defaultReceived() {
        LocalDate today = LondonTime.today(clock);
        return Map.of("date", today.toString(), "parts", Map.of("day", String.valueOf(today.getDayOfMonth()),
                "month", String.valueOf(today.getMonthValue()), "year", String.valueOf(today.getYear())));
    }

    private static Map<String, Object> readReceived(Map<String, List<String>> form, Map<String, String> errors) {
        String day = orEmpty(PageParts.first(form, "receivedAt-day"));
        String month = orEmpty(PageParts.first(form, "receivedAt-month"));
        String year = orEmpty(PageParts.first(form, "receivedAt-year"));
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("parts", Map.of("day", day, "month", month, "year", year));
        try {
            read.put("date", LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip())).toString());
        } catch (RuntimeException e) {
            errors.put("receivedAt", day.isBlank() && month.isBlank() && year.isBlank()
                    ? "Enter the day the referral came" : "The day the referral came must be a real date");
        }
        return read;
    }

    /** The day as the service takes it: now, if it is today; otherwise noon of that day (London time). */
    private String receivedAt(String date) {
        LocalDate day = LocalDate.parse(date);
        if (day.equals(LondonTime.today(clock))) {
            return java.time.LocalDateTime.now(clock.withZone(LondonTime.ZONE)).withNano(0).toString();
        }
        return day.atTime(12, 0).toString();
    }

    private Optional<Chosen> chosen(String contract, String person) {
        UUID contractId = PageParts.uuid(contract);
        UUID personId = PageParts.uuid(person);
        if (contractId == null || personId == null) {
            return Optional.empty();
        }
        try {
            ContractView c = contracts.get(contractId);
            PersonView p = people.get(personId);
            return plugins.find(c.moduleId()).map(m -> new Chosen(c, p, m));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private List<String> relatedIds(PersonView person) {
        return person.relationships().stream().map(r -> r.personId().toString()).toList();
    }

    private static String anchor(String field, Optional<InstalledForm> form) {
        if (field.equals("receivedAt")) {
            return "receivedAt-day";
        }
        return field.startsWith("data.") && form.isPresent() ? SchemaForm.fields(form.get().schema().document(),
                "data", Map.of(), Map.of(), l -> List.of()).stream().map(f -> find(f, field)).filter(
                java.util.Objects::nonNull).findFirst().orElse(field) : field;
    }

    private static String find(SchemaForm.Field f, String field) {
        if (f.name().equals(field)) {
            return f.anchor();
        }
        for (SchemaForm.Field child : f.children()) {
            String found = find(child, field);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private HttpResponse<?> render(Shell shell, String template, NewReferralView view, int status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell);
        model.put("view", view);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>(template, model));
    }

    /** A form body with each name's values (a set of checkboxes sends one name several times). */
    static Map<String, List<String>> multi(Map<String, Object> body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((name, value) -> form.put(name, value instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        }
        return form;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, String> stringMap(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private record Chosen(ContractView contract, PersonView person,
                          org.carespec.platform.plugin.InstalledPlugin module) {
    }
}
