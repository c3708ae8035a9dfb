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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.referral.service.ReferralEventCommand;
import org.carespec.platform.referral.service.ReferralEvents;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * Closing a referral with how it ended: goals met, left before meeting them (with the reason), moved on (with where
 * to), or withdrawn before the service started; the reasons and destinations are the contract's lists, and the
 * service says which the outcome needs.
 */
@Hidden
@Controller("/referrals/{id}/close")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class ClosePages {

    static final Map<String, String> RESULTS = Map.of(
            "GOALS_MET", "The plan's goals were met",
            "LEFT_BEFORE_GOALS_MET", "They left before meeting the plan's goals",
            "MOVED_ON", "They moved on (to work, volunteering, learning or another service)",
            "WITHDRAWN", "They withdrew, or could not be contacted, before the service started");

    private final SignedInPages pages;
    private final ReferralReader referrals;
    private final ReferralEvents events;
    private final PersonService people;
    private final ContractChoices choices;
    private final PageCsrf csrf;

    public ClosePages(SignedInPages pages, ReferralReader referrals, ReferralEvents events, PersonService people,
                      ContractChoices choices, PageCsrf csrf) {
        this.pages = pages;
        this.referrals = referrals;
        this.events = events;
        this.people = people;
        this.choices = choices;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        return form(request, id, Map.of(), List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> close(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<ReferralView> referral = referral(id);
        if (referral.isEmpty()) {
            return form(request, id, form, List.of(), 404);
        }
        List<FieldMessage> errors = new ArrayList<>();
        ReferralEventCommand.Result result = null;
        try {
            result = ReferralEventCommand.Result.valueOf(form.getOrDefault("result", ""));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldMessage("result-0", "Select how the referral ended"));
        }
        if (errors.isEmpty()) {
            try {
                events.add(referral.get().id(), new ReferralEventCommand(ReferralEventType.CLOSED, null, null, null,
                        new ReferralEventCommand.Outcome(result, PageParts.blank(form.get("reason")),
                                PageParts.blank(form.get("destination")))), null);
                return HttpResponse.seeOther(URI.create("/referrals/" + referral.get().id() + "?done=CLOSED"));
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> {
                    String field = f.field().replace("outcome.", "");
                    String label = "reason".equals(field) ? "Select the reason"
                            : "destination".equals(field) ? "Select where they moved on to" : null;
                    errors.add(new FieldMessage(label == null ? null : field, label == null ? f.detail()
                            : label + ": " + f.detail()));
                });
            } catch (ConflictException e) {
                errors.add(new FieldMessage(null, e.getMessage()));
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
        Optional<ReferralView> referral = referral(id);
        if (referral.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Option> results = List.of("GOALS_MET", "LEFT_BEFORE_GOALS_MET", "MOVED_ON", "WITHDRAWN")
                .stream().map(r -> new SchemaForm.Option(r, RESULTS.get(r))).toList();
        String result = entered.get("result");
        List<SchemaForm.Field> fields = List.of(
                new SchemaForm.Field("radios", "result", "How the referral ended", null, true, result, results,
                        result == null ? List.of() : List.of(result), byField.get("result-0"), List.of(), Map.of(),
                        null),
                select("reason", "The reason", "If they left before meeting the goals, or withdrew",
                        choices.options(referral.get().contractId(), CodeLists.LEAVING_REASON), entered, byField),
                select("destination", "Where they moved on to", "If they moved on",
                        choices.options(referral.get().contractId(), CodeLists.MOVING_ON_DESTINATION), entered, byField));
        var person = people.get(referral.get().personId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new StepForm(referral.get().id().toString(), person.givenName() + " " + person.familyName(),
                "Close the referral", "/referrals/" + referral.get().id() + "/close", fields, errors,
                "Close the referral"));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("stepForm", model));
    }

    private static SchemaForm.Field select(String name, String label, String hint, List<SchemaForm.Option> options,
                                           Map<String, String> entered, Map<String, String> errors) {
        String chosen = entered.get(name);
        return new SchemaForm.Field("select", name, label, hint, false, chosen, options,
                chosen == null ? List.of() : List.of(chosen), errors.get(name), List.of(), Map.of(), null);
    }

    private Optional<ReferralView> referral(String id) {
        try {
            return pages.holdsCaseload() ? Optional.of(referrals.get(UUID.fromString(id))) : Optional.empty();
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
