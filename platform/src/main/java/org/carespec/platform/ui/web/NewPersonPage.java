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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.person.service.PersonCommand;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;

/**
 * Adding a person to the provider's records, from the new-referral page when the person is not found there: names,
 * date of birth, NHS number (checked with Modulus 11 by the service), postcode and how to reach them. Back to the
 * referral with the person found, when it came from there.
 */
@Hidden
@Controller("/persons/new")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class NewPersonPage {

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("givenName", "Given name"),
            Map.entry("familyName", "Family name"), Map.entry("dateOfBirth", "Date of birth"),
            Map.entry("nhsNumber", "NHS number"), Map.entry("postcode", "Postcode"), Map.entry("address", "Address"),
            Map.entry("phone", "Phone"), Map.entry("email", "Email address"));

    private final SignedInPages pages;
    private final PersonService people;
    private final CommandCheck check;
    private final PageCsrf csrf;

    public NewPersonPage(SignedInPages pages, PersonService people, CommandCheck check, PageCsrf csrf) {
        this.pages = pages;
        this.people = people;
        this.check = check;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, @QueryValue @Nullable String contract) {
        return form(request, contract == null ? Map.of() : Map.of("contract", contract), List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(HttpRequest<?> request, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        if (pages.shell(request, "new-referral").isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate born = null;
        String day = form.getOrDefault("dateOfBirth-day", "").strip();
        String month = form.getOrDefault("dateOfBirth-month", "").strip();
        String year = form.getOrDefault("dateOfBirth-year", "").strip();
        if (!(day.isEmpty() && month.isEmpty() && year.isEmpty())) {
            try {
                born = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } catch (RuntimeException e) {
                errors.add(new FieldMessage("dateOfBirth-day", "Date of birth must be a real date"));
            }
        }
        if (errors.isEmpty()) {
            PersonCommand command = new PersonCommand(text(form, "givenName"), text(form, "familyName"), born,
                    text(form, "nhsNumber") == null ? null : text(form, "nhsNumber").replace(" ", ""),
                    text(form, "postcode"), text(form, "address"), text(form, "phone"), text(form, "email"), null, null,
                    null, null, null, null);
            errors.addAll(check.check(command, LABELS).stream().map(e -> "dateOfBirth".equals(e.field())
                    ? new FieldMessage("dateOfBirth-day", "Date of birth must be in the past") : e).toList());
            if (errors.isEmpty()) {
                try {
                    PersonView made = people.create(command, null);
                    String contract = form.get("contract");
                    String back = contract == null || contract.isBlank() ? "/persons/" + made.id()
                            : "/referrals/new?contract=" + URLEncoder.encode(contract, StandardCharsets.UTF_8) + "&q="
                            + URLEncoder.encode(made.givenName() + " " + made.familyName(), StandardCharsets.UTF_8);
                    return HttpResponse.seeOther(URI.create(back));
                } catch (InvalidRequestException e) {
                    e.errors().forEach(f -> errors.add(new FieldMessage(f.field(),
                            LABELS.getOrDefault(f.field(), SchemaForm.words(f.field())) + " " + f.detail())));
                }
            }
        }
        return form(request, form, errors, 400);
    }

    private HttpResponse<?> form(HttpRequest<?> request, Map<String, String> entered, List<FieldMessage> errors,
                                 int status) {
        Optional<Shell> shell = pages.shell(request, "new-referral");
        if (shell.isEmpty() || !pages.holdsCaseload()) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/")) : HttpResponse.seeOther(URI.create("/caseload"));
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        fields.add(text("givenName", "Given name", true, null, entered, byField));
        fields.add(text("familyName", "Family name", true, null, entered, byField));
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("day", entered.getOrDefault("dateOfBirth-day", ""));
        parts.put("month", entered.getOrDefault("dateOfBirth-month", ""));
        parts.put("year", entered.getOrDefault("dateOfBirth-year", ""));
        fields.add(new SchemaForm.Field("date", "dateOfBirth", "Date of birth", "For example, 27 3 1968", false, null,
                List.of(), List.of(), byField.get("dateOfBirth-day"), List.of(), parts, null));
        fields.add(text("nhsNumber", "NHS number", false, "10 digits, for example 943 476 5919", entered, byField));
        fields.add(text("postcode", "Postcode", false, null, entered, byField));
        fields.add(new SchemaForm.Field("textarea", "address", "Address", null, false, entered.get("address"),
                List.of(), List.of(), byField.get("address"), List.of(), Map.of(), null));
        fields.add(text("phone", "Phone", false, null, entered, byField));
        fields.add(text("email", "Email address", false, null, entered, byField));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("contract", entered.get("contract"));
        model.put("fields", fields);
        model.put("errors", errors);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("newPerson", model));
    }

    private static SchemaForm.Field text(String name, String label, boolean required, String hint,
                                         Map<String, String> entered, Map<String, String> errors) {
        return new SchemaForm.Field("text", name, label, hint, required, entered.get(name), List.of(), List.of(),
                errors.get(name), List.of(), Map.of(), "email".equals(name) ? "email" : "text");
    }

    private static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
