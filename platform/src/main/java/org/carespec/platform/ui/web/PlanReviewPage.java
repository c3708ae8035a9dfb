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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plan.service.PlanCommands;
import org.carespec.platform.plan.service.PlanService;
import org.carespec.platform.plan.service.PlanView;

/**
 * Reviewing a plan: the day, each goal's progress and a comment, and notes; recorded through the plan service, which
 * records REVIEWED on the referral so the module's review clock moves on.
 */
@Hidden
@Controller("/plans/{id}/review")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class PlanReviewPage {

    private final SignedInPages pages;
    private final PlanService plans;
    private final PersonService people;
    private final CommandCheck check;
    private final PageCsrf csrf;
    private final Clock clock;

    public PlanReviewPage(SignedInPages pages, PlanService plans, PersonService people, CommandCheck check,
                          PageCsrf csrf, Clock clock) {
        this.pages = pages;
        this.plans = plans;
        this.people = people;
        this.check = check;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        return form(request, id, Map.of(), List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> review(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<PlanView> plan = plan(id);
        if (plan.isEmpty()) {
            return form(request, id, form, List.of(), 404);
        }
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate reviewedOn = DateInput.readSingle(form, "reviewedOn");
        if (reviewedOn == null) {
            errors.add(new FieldMessage("reviewedOn-day", "The day of the review must be a real date"));
        }
        List<PlanCommands.GoalProgress> progress = new ArrayList<>();
        for (PlanView.GoalView goal : plan.get().goals()) {
            String chosen = form.get("progress-" + goal.id());
            try {
                progress.add(new PlanCommands.GoalProgress(goal.id(), PlanCommands.Progress.valueOf(
                        chosen == null ? "" : chosen), PageParts.blank(form.get("comment-" + goal.id()))));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldMessage("progress-" + goal.id() + "-0", "Select the progress on \""
                        + goal.title() + "\""));
            }
        }
        if (errors.isEmpty()) {
            PlanCommands.Review review = new PlanCommands.Review(reviewedOn, PageParts.blank(form.get("notes")), progress);
            errors.addAll(check.check(review, Map.of("reviewedOn", "The day of the review", "notes", "Notes")).stream()
                    .map(e -> "reviewedOn".equals(e.field()) ? new FieldMessage("reviewedOn-day", e.message()) : e)
                    .toList());
            if (errors.isEmpty()) {
                try {
                    plans.review(plan.get().id(), review);
                    return HttpResponse.seeOther(URI.create("/referrals/" + plan.get().referralId()
                            + "?done=REVIEWED"));
                } catch (InvalidRequestException e) {
                    e.errors().forEach(f -> errors.add(new FieldMessage("reviewedOn".equals(f.field())
                            ? "reviewedOn-day" : null, "reviewedOn".equals(f.field())
                            ? "The day of the review must not be before the plan was agreed" : f.detail())));
                } catch (ConflictException e) {
                    errors.add(new FieldMessage(null, e.getMessage()));
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
        Optional<PlanView> plan = plan(id);
        if (plan.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        fields.add(DateInput.field("reviewedOn", "The day of the review", "For example, 27 3 2026", true, entered,
                LondonTime.today(clock), byField.get("reviewedOn-day")));
        List<SchemaForm.Option> levels = Arrays.stream(PlanCommands.Progress.values())
                .map(p -> new SchemaForm.Option(p.name(), UiText.words(p.name()))).toList();
        for (PlanView.GoalView goal : plan.get().goals()) {
            String name = "progress-" + goal.id();
            String chosen = entered.get(name);
            fields.add(new SchemaForm.Field("radios", name, "Progress on \"" + goal.title() + "\"", null, true,
                    chosen, levels, chosen == null ? List.of() : List.of(chosen), byField.get(name + "-0"), List.of(),
                    Map.of(), null));
            fields.add(new SchemaForm.Field("text", "comment-" + goal.id(), "A comment on \"" + goal.title() + "\"",
                    null, false, entered.get("comment-" + goal.id()), List.of(), List.of(), null, List.of(), Map.of(),
                    "text"));
        }
        fields.add(new SchemaForm.Field("textarea", "notes", "Notes", "Kept encrypted", false, entered.get("notes"),
                List.of(), List.of(), byField.get("notes"), List.of(), Map.of(), null));
        var person = people.get(plan.get().personId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new StepForm(plan.get().referralId().toString(), person.givenName() + " "
                + person.familyName(), "Review the plan", "/plans/" + plan.get().id() + "/review", fields, errors,
                "Record the review"));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("stepForm", model));
    }

    private Optional<PlanView> plan(String id) {
        try {
            return pages.holdsCaseload() ? Optional.of(plans.get(UUID.fromString(id))) : Optional.empty();
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
