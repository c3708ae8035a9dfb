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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.safeguarding.service.SafeguardingService;

/**
 * Raising a safeguarding concern about a person, from their page: the kind of harm, what happened, what was done and
 * whether the local authority has been told. The raiser gets a receipt; the concern goes to the provider's manager
 * and safeguarding leads (the details are encrypted at rest).
 */
@Hidden
@Controller("/persons/{id}/safeguarding")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class SafeguardingPage {

    private final SignedInPages pages;
    private final PersonService people;
    private final ContractService contracts;
    private final SafeguardingService concerns;
    private final CommandCheck check;
    private final PageCsrf csrf;
    private final Clock clock;

    public SafeguardingPage(SignedInPages pages, PersonService people, ContractService contracts,
                            SafeguardingService concerns, CommandCheck check, PageCsrf csrf, Clock clock) {
        this.pages = pages;
        this.people = people;
        this.contracts = contracts;
        this.concerns = concerns;
        this.check = check;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        return form(request, id, Map.of(), List.of(), null, 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> raise(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<UUID> person = person(id);
        UUID contract = PageParts.uuid(form.get("contract"));
        if (person.isEmpty() || contract == null) {
            return form(request, id, form, List.of(new FieldMessage("contract-0", "Select the contract")), null,
                    person.isEmpty() ? 404 : 400);
        }
        List<FieldMessage> errors = new ArrayList<>();
        SafeguardingService.Category category = null;
        try {
            category = SafeguardingService.Category.valueOf(form.getOrDefault("category", ""));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldMessage("category-0", "Select the kind of concern"));
        }
        if (errors.isEmpty()) {
            SafeguardingService.NewConcern concern = new SafeguardingService.NewConcern(person.get(),
                    LondonTime.today(clock), category, PageParts.blank(form.get("details")), PageParts.blank(form.get("actionTaken")),
                    "true".equals(form.get("referredToLocalAuthority")), PageParts.blank(form.get("localAuthorityReference")));
            errors.addAll(check.check(concern, Map.of("details", "What happened", "actionTaken", "What was done",
                    "localAuthorityReference", "The local authority's reference")));
            if (errors.isEmpty()) {
                try {
                    SafeguardingService.Receipt receipt = concerns.raise(contract, concern, null);
                    return form(request, id, Map.of(), List.of(), "Concern raised: your receipt is " + receipt.id()
                            + ". Your manager and the safeguarding lead can see it now.", 200);
                } catch (InvalidRequestException | NotFoundException e) {
                    errors.add(new FieldMessage(null, e.getMessage()));
                }
            }
        }
        return form(request, id, form, errors, null, 400);
    }

    private HttpResponse<?> form(HttpRequest<?> request, String id, Map<String, String> entered,
                                 List<FieldMessage> errors, String notice, int status) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<UUID> person = person(id);
        if (person.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        var p = people.get(person.get());
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Option> contractOptions = contracts.list(PageRequest.of(0, 200)).items().stream()
                .map(c -> new SchemaForm.Option(c.id().toString(), c.title())).toList();
        String contract = entered.getOrDefault("contract", contractOptions.size() == 1
                ? contractOptions.get(0).value() : null);
        List<SchemaForm.Option> categories = Arrays.stream(SafeguardingService.Category.values())
                .map(c -> new SchemaForm.Option(c.name(), UiText.words(c.name()))).toList();
        String category = entered.get("category");
        String told = entered.get("referredToLocalAuthority");
        List<SchemaForm.Field> fields = List.of(
                radios("contract", "Under which contract", contractOptions, contract, byField),
                new SchemaForm.Field("select", "category", "The kind of concern", null, true, category, categories,
                        category == null ? List.of() : List.of(category), byField.get("category-0"), List.of(),
                        Map.of(), null),
                new SchemaForm.Field("textarea", "details", "What happened", "What you saw or were told, when and"
                        + " by whom", true, entered.get("details"), List.of(), List.of(), byField.get("details"),
                        List.of(), Map.of(), null),
                new SchemaForm.Field("textarea", "actionTaken", "What was done", null, false,
                        entered.get("actionTaken"), List.of(), List.of(), byField.get("actionTaken"), List.of(),
                        Map.of(), null),
                new SchemaForm.Field("yesno", "referredToLocalAuthority", "Has the local authority been told?", null,
                        false, told, List.of(new SchemaForm.Option("true", "Yes"), new SchemaForm.Option("false", "No")),
                        told == null ? List.of() : List.of(told), null, List.of(), Map.of(), null),
                new SchemaForm.Field("text", "localAuthorityReference", "The local authority's reference", null, false,
                        entered.get("localAuthorityReference"), List.of(), List.of(),
                        byField.get("localAuthorityReference"), List.of(), Map.of(), "text"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("personId", person.get().toString());
        model.put("personName", p.givenName() + " " + p.familyName());
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("notice", notice);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("safeguarding", model));
    }

    private static SchemaForm.Field radios(String name, String label, List<SchemaForm.Option> options, String chosen,
                                           Map<String, String> errors) {
        return new SchemaForm.Field("radios", name, label, null, true, chosen, options,
                chosen == null ? List.of() : List.of(chosen), errors.get(name + "-0"), List.of(), Map.of(), null);
    }

    private Optional<UUID> person(String id) {
        try {
            UUID person = UUID.fromString(id);
            people.get(person);
            return Optional.of(person);
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
