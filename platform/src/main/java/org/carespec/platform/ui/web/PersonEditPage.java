package org.carespec.platform.ui.web;

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
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.person.service.PersonChange;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;

/**
 * Changing a person's details: every field shown as it stands, a cleared field cleared (as the API's PATCH takes an
 * empty string), the NHS number checked by the service.
 */
@Hidden
@Controller("/persons/{id}/edit")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class PersonEditPage {

    static final List<String[]> TEXT = List.of(new String[] {"givenName", "Given name"},
            new String[] {"familyName", "Family name"}, new String[] {"nhsNumber", "NHS number"},
            new String[] {"postcode", "Postcode"}, new String[] {"phone", "Phone"},
            new String[] {"email", "Email address"}, new String[] {"gpPractice", "GP practice"},
            new String[] {"localAuthorityCode", "Local authority (ONS code, when confirmed)"},
            new String[] {"preferredLanguage", "Preferred language"});

    private final SignedInPages pages;
    private final PersonService people;
    private final CommandCheck check;
    private final PageCsrf csrf;

    public PersonEditPage(SignedInPages pages, PersonService people, CommandCheck check, PageCsrf csrf) {
        this.pages = pages;
        this.people = people;
        this.check = check;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        Optional<PersonView> person = PageParts.person(pages, people, id);
        return form(request, id, person.map(PersonEditPage::asForm).orElse(Map.of()), List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<PersonView> person = PageParts.person(pages, people, id);
        if (person.isEmpty()) {
            return form(request, id, form, List.of(), 404);
        }
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate born = null;
        if (!DateInput.blank(form, "dateOfBirth")) {
            born = DateInput.readSingle(form, "dateOfBirth");
            if (born == null) {
                errors.add(new FieldMessage("dateOfBirth-day", "Date of birth must be a real date"));
            }
        }
        if (errors.isEmpty()) {
            String interpreter = form.get("interpreterNeeded");
            PersonChange change = new PersonChange(text(form, "givenName"), text(form, "familyName"), born,
                    text(form, "nhsNumber").replace(" ", ""), text(form, "postcode"), text(form, "address"),
                    // the API's @Email refuses an empty string, so a blank email address is left as it was
                    text(form, "phone"), text(form, "email").isEmpty() ? null : text(form, "email"),
                    text(form, "gpPractice"),
                    text(form, "localAuthorityCode").toUpperCase(java.util.Locale.ROOT),
                    text(form, "preferredLanguage"), interpreter == null ? null : "true".equals(interpreter),
                    text(form, "communicationNeeds"), null);
            Map<String, String> labels = new LinkedHashMap<>();
            TEXT.forEach(t -> labels.put(t[0], t[1]));
            labels.put("address", "Address");
            labels.put("communicationNeeds", "Communication needs");
            errors.addAll(check.check(change, labels).stream().map(e -> "dateOfBirth".equals(e.field())
                    ? new FieldMessage("dateOfBirth-day", "Date of birth must be in the past") : e).toList());
            if (errors.isEmpty()) {
                try {
                    people.update(person.get().id(), change);
                    return HttpResponse.seeOther(URI.create("/persons/" + person.get().id()));
                } catch (InvalidRequestException e) {
                    e.errors().forEach(f -> errors.add(new FieldMessage(f.field(),
                            labels.getOrDefault(f.field(), SchemaForm.words(f.field())) + " " + f.detail())));
                }
            }
        }
        return form(request, id, form, errors, 400);
    }

    private HttpResponse<?> form(HttpRequest<?> request, String id, Map<String, String> entered,
                                 List<FieldMessage> errors, int status) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<PersonView> person = PageParts.person(pages, people, id);
        if (person.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        for (String[] t : TEXT.subList(0, 2)) {
            fields.add(text(t[0], t[1], entered, byField));
        }
        fields.add(DateInput.field("dateOfBirth", "Date of birth", "For example, 27 3 1968", false, entered, null,
                byField.get("dateOfBirth-day")));
        for (String[] t : TEXT.subList(2, TEXT.size())) {
            fields.add(text(t[0], t[1], entered, byField));
        }
        fields.add(new SchemaForm.Field("textarea", "address", "Address", null, false, entered.get("address"),
                List.of(), List.of(), byField.get("address"), List.of(), Map.of(), null));
        String interpreter = entered.get("interpreterNeeded");
        fields.add(new SchemaForm.Field("yesno", "interpreterNeeded", "Needs an interpreter", null, false, interpreter,
                List.of(new SchemaForm.Option("true", "Yes"), new SchemaForm.Option("false", "No")),
                interpreter == null ? List.of() : List.of(interpreter), null, List.of(), Map.of(), null));
        fields.add(new SchemaForm.Field("textarea", "communicationNeeds", "Communication needs",
                "Kept encrypted", false, entered.get("communicationNeeds"), List.of(), List.of(),
                byField.get("communicationNeeds"), List.of(), Map.of(), null));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("personId", person.get().id().toString());
        model.put("personName", person.get().givenName() + " " + person.get().familyName());
        model.put("heading", "Change " + person.get().givenName() + " " + person.get().familyName() + "'s details");
        model.put("action", "/persons/" + person.get().id() + "/edit");
        model.put("fields", fields);
        model.put("errors", errors);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("personEdit", model));
    }

    static Map<String, String> asForm(PersonView p) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("givenName", p.givenName());
        form.put("familyName", p.familyName());
        if (p.dateOfBirth() != null) {
            DateInput.enter(form, "dateOfBirth", p.dateOfBirth());
        }
        put(form, "nhsNumber", p.nhsNumber());
        put(form, "postcode", p.postcode());
        put(form, "address", p.address());
        put(form, "phone", p.phone());
        put(form, "email", p.email());
        put(form, "gpPractice", p.gpPractice());
        put(form, "localAuthorityCode", p.localAuthorityCode());
        put(form, "preferredLanguage", p.preferredLanguage());
        put(form, "interpreterNeeded", p.interpreterNeeded() == null ? null : p.interpreterNeeded().toString());
        put(form, "communicationNeeds", p.communicationNeeds());
        return form;
    }

    private static void put(Map<String, String> form, String name, String value) {
        if (value != null) {
            form.put(name, value);
        }
    }

    private static SchemaForm.Field text(String name, String label, Map<String, String> entered,
                                         Map<String, String> errors) {
        return new SchemaForm.Field("text", name, label, null, name.equals("givenName") || name.equals("familyName"),
                entered.get(name), List.of(), List.of(), errors.get(name), List.of(), Map.of(),
                "email".equals(name) ? "email" : "text");
    }

    /** A text field as posted: an empty string clears it, as the API's PATCH takes it. */
    private static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }
}
