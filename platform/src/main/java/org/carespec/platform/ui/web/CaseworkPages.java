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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.carespec.platform.activity.service.ActivityCommand;
import org.carespec.platform.activity.service.ActivityService;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plan.service.PlanCommands;
import org.carespec.platform.plan.service.PlanService;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.platform.workforce.service.WorkerService;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * Recording what happens on a referral: agreeing its plan (goals, and how often it is reviewed) and recording an
 * activity or a break (with its type and who gave it). Each through the same service as its API route, with the
 * same constraints; errors come back beside their fields, and nothing half-written is kept.
 */
@Hidden
@Controller("/referrals/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class CaseworkPages {

    static final int GOALS = 5;

    private final SignedInPages pages;
    private final ReferralReader referrals;
    private final PersonService people;
    private final PlanService plans;
    private final ActivityService activities;
    private final WorkerService workers;
    private final ContractChoices choices;
    private final CommandCheck check;
    private final PageCsrf csrf;
    private final Clock clock;

    public CaseworkPages(SignedInPages pages, ReferralReader referrals, PersonService people, PlanService plans,
                         ActivityService activities, WorkerService workers, ContractChoices choices, CommandCheck check,
                         PageCsrf csrf, Clock clock) {
        this.pages = pages;
        this.referrals = referrals;
        this.people = people;
        this.plans = plans;
        this.activities = activities;
        this.workers = workers;
        this.choices = choices;
        this.check = check;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/plan")
    public HttpResponse<?> plan(HttpRequest<?> request, String id) {
        return withReferral(request, id, r -> planForm(request, r, Map.of(), List.of(), 200));
    }

    @Post(value = "/plan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> agree(HttpRequest<?> request, String id, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, one(form, PageCsrf.FIELD));
        return withReferral(request, id, r -> {
            List<FieldMessage> errors = new ArrayList<>();
            LocalDate agreedOn = date(form, "agreedOn", "The day the plan was agreed", errors);
            Integer months = null;
            String monthsText = one(form, "reviewMonths");
            if (monthsText != null && !monthsText.isBlank()) {
                try {
                    months = Integer.valueOf(monthsText.strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldMessage("reviewMonths", "How often it is reviewed must be a whole number of"
                            + " months"));
                }
            }
            List<PlanCommands.Goal> goals = new ArrayList<>();
            for (int i = 0; i < GOALS; i++) {
                String goal = one(form, "goal-" + i);
                if (goal != null && !goal.isBlank()) {
                    goals.add(new PlanCommands.Goal(goal.strip(), null));
                }
            }
            if (errors.isEmpty()) {
                PlanCommands.NewPlan plan = new PlanCommands.NewPlan(agreedOn, months, goals);
                errors.addAll(check.check(plan, Map.of("agreedOn", "The day the plan was agreed",
                        "reviewMonths", "How often it is reviewed", "goals", "at least one goal")).stream()
                        .map(e -> e.field() != null && e.field().startsWith("goals") ? new FieldMessage("goal-0",
                                e.message().startsWith("Enter") ? "Enter at least one goal" : e.message()) : e)
                        .toList());
                if (errors.isEmpty()) {
                    try {
                        plans.agree(r.id(), plan, null);
                        return HttpResponse.seeOther(URI.create("/referrals/" + r.id() + "?done=PLAN_AGREED"));
                    } catch (ConflictException | InvalidRequestException e) {
                        errors.add(new FieldMessage(null, message(e)));
                    }
                }
            }
            return planForm(request, r, PageParts.entered(form), errors, 400);
        });
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/activity")
    public HttpResponse<?> activity(HttpRequest<?> request, String id) {
        return withReferral(request, id, r -> activityForm(request, r, Map.of(), List.of(), 200));
    }

    @Post(value = "/activity", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> record(HttpRequest<?> request, String id, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, one(form, PageCsrf.FIELD));
        return withReferral(request, id, r -> {
            List<FieldMessage> errors = new ArrayList<>();
            LocalDate on = date(form, "occurredOn", "The day it happened", errors);
            Integer minutes = null;
            String minutesText = one(form, "durationMinutes");
            if (minutesText != null && !minutesText.isBlank()) {
                try {
                    minutes = Integer.valueOf(minutesText.strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldMessage("durationMinutes", "How long it took must be a whole number of"
                            + " minutes"));
                }
            }
            String type = PageParts.blank(one(form, "type"));
            String worker = PageParts.blank(one(form, "workerId"));
            String breakType = PageParts.blank(one(form, "breakType"));
            Map<String, Object> data = breakType == null ? null : Map.of("breakType", breakType);
            if (errors.isEmpty()) {
                ActivityCommand command = new ActivityCommand(r.personId(), r.id(), type == null ? "" : type, on,
                        minutes, worker == null ? null : PageParts.uuid(worker), PageParts.blank(one(form, "agency")),
                        PageParts.blank(one(form, "notes")), data);
                errors.addAll(check.check(command, Map.of("type", "what happened", "occurredOn",
                        "The day it happened", "durationMinutes", "How long it took", "agency", "The agency",
                        "notes", "Notes")).stream().map(e -> "type".equals(e.field())
                        ? new FieldMessage("type-0", "Select what happened") : e).toList());
                if (errors.isEmpty()) {
                    try {
                        activities.record(r.contractId(), command, null);
                        return HttpResponse.seeOther(URI.create("/referrals/" + r.id() + "?done=" + type));
                    } catch (InvalidRequestException e) {
                        e.errors().forEach(f -> errors.add(new FieldMessage(fieldOf(f.field()),
                                SchemaForm.words(fieldOf(f.field())).replace(" 0", "") + " " + f.detail())));
                    } catch (ConflictException e) {
                        errors.add(new FieldMessage(null, e.getMessage()));
                    }
                }
            }
            return activityForm(request, r, PageParts.entered(form), errors, 400);
        });
    }

    private HttpResponse<?> planForm(HttpRequest<?> request, ReferralView r, Map<String, String> entered,
                                     List<FieldMessage> errors, int status) {
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        fields.add(dateField("agreedOn", "The day the plan was agreed", entered, byField));
        fields.add(new SchemaForm.Field("number", "reviewMonths", "How often it is reviewed, in months",
                "Leave blank for the contract's interval. A plan may be reviewed more often than the contract says,"
                        + " never less often.", false, entered.get("reviewMonths"), List.of(), List.of(),
                byField.get("reviewMonths"), List.of(), Map.of(), "text"));
        for (int i = 0; i < GOALS; i++) {
            fields.add(new SchemaForm.Field("text", "goal-" + i, "Goal " + (i + 1), i == 0
                    ? "Realistic goals agreed with the person; leave the others blank if there are fewer" : null,
                    i == 0, entered.get("goal-" + i), List.of(), List.of(), byField.get("goal-" + i), List.of(),
                    Map.of(), "text"));
        }
        return render(request, new StepForm(r.id().toString(), personName(r), "Agree a plan",
                "/referrals/" + r.id() + "/plan", fields, errors, "Agree the plan"), status);
    }

    private HttpResponse<?> activityForm(HttpRequest<?> request, ReferralView r, Map<String, String> entered,
                                         List<FieldMessage> errors, int status) {
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Option> types = new ArrayList<>();
        for (String type : List.of("PHONE", "VISIT", "MEETING", "BREAK", "SIGNPOSTING", "REFERRAL_OUT")) {
            types.add(new SchemaForm.Option(type, UiText.words(type)));
        }
        types.addAll(choices.options(r.contractId(), CodeLists.ACTIVITY_TYPE));
        List<SchemaForm.Option> workerOptions = workers.list(PageRequest.of(0, 200)).items().stream()
                .map(w -> new SchemaForm.Option(w.id().toString(), w.name() + " (" + UiText.words(w.kind()) + ")"))
                .toList();
        List<SchemaForm.Field> fields = new ArrayList<>();
        fields.add(choice("radios", "type", "What happened", null, true, types, entered, byField));
        fields.add(dateField("occurredOn", "The day it happened", entered, byField));
        fields.add(new SchemaForm.Field("number", "durationMinutes", "How long it took, in minutes", null, false,
                entered.get("durationMinutes"), List.of(), List.of(), byField.get("durationMinutes"), List.of(),
                Map.of(), "text"));
        fields.add(choice("select", "workerId", "Who gave it", "A break must name the worker or volunteer who gave"
                + " it", false, workerOptions, entered, byField));
        List<SchemaForm.Option> breakTypes = choices.options(r.contractId(), CodeLists.BREAK_TYPE);
        if (!breakTypes.isEmpty()) {
            fields.add(choice("select", "breakType", "Type of break", "For a break only", false, breakTypes,
                    entered, byField));
        }
        List<SchemaForm.Option> agencies = choices.options(r.contractId(), CodeLists.AGENCY);
        if (agencies.isEmpty()) {
            fields.add(new SchemaForm.Field("text", "agency", "The agency", "For signposting or a referral out",
                    false, entered.get("agency"), List.of(), List.of(), byField.get("agency"), List.of(), Map.of(),
                    "text"));
        } else {
            fields.add(choice("select", "agency", "The agency", "For signposting or a referral out", false,
                    agencies, entered, byField));
        }
        fields.add(new SchemaForm.Field("textarea", "notes", "Notes", "Kept encrypted; volunteers do not see them",
                false, entered.get("notes"), List.of(), List.of(), byField.get("notes"), List.of(), Map.of(), null));
        return render(request, new StepForm(r.id().toString(), personName(r), "Record an activity or break",
                "/referrals/" + r.id() + "/activity", fields, errors, "Record it"), status);
    }

    private SchemaForm.Field choice(String kind, String name, String label, String hint, boolean required,
                                    List<SchemaForm.Option> options, Map<String, String> entered,
                                    Map<String, String> errors) {
        String chosen = entered.get(name);
        return new SchemaForm.Field(kind, name, label, hint, required, chosen, options,
                chosen == null ? List.of() : List.of(chosen), errors.get(kind.equals("radios") ? name + "-0" : name),
                List.of(), Map.of(), null);
    }

    private SchemaForm.Field dateField(String name, String label, Map<String, String> entered,
                                       Map<String, String> errors) {
        return DateInput.field(name, label, "For example, 27 3 2026", true, entered, LondonTime.today(clock),
                errors.getOrDefault(name + "-day", errors.get(name)));
    }

    private HttpResponse<?> withReferral(HttpRequest<?> request, String id,
                                         Function<ReferralView, HttpResponse<?>> work) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        UUID referral = PageParts.uuid(id);
        try {
            if (referral == null || !pages.holdsCaseload()) {
                throw new NotFoundException("Referral " + id);
            }
            return work.apply(referrals.get(referral));
        } catch (NotFoundException e) {
            return PageParts.notFound(shell.get());
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, StepForm form, int status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", pages.shell(request, "caseload").orElseThrow());
        model.put("view", form);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("stepForm", model));
    }

    private String personName(ReferralView r) {
        var person = people.get(r.personId());
        return person.givenName() + " " + person.familyName();
    }

    private static LocalDate date(Map<String, List<String>> form, String name, String label,
                                  List<FieldMessage> errors) {
        LocalDate date = DateInput.read(form, name);
        if (date == null) {
            errors.add(new FieldMessage(name + "-day", label + " must be a real date"));
        }
        return date;
    }

    private static String fieldOf(String apiField) {
        return switch (apiField) {
            case "data.breakType" -> "breakType";
            case "type" -> "type-0";
            default -> apiField;
        };
    }

    private static String message(RuntimeException e) {
        return e instanceof InvalidRequestException invalid && !invalid.errors().isEmpty()
                ? invalid.errors().get(0).detail() : e.getMessage();
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
