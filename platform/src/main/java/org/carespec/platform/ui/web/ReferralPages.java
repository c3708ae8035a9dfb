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
import org.carespec.platform.referral.domain.ClockStatus;
import org.carespec.platform.referral.domain.ReferralLifecycle;
import org.carespec.platform.referral.service.ReferralEventCommand;
import org.carespec.platform.referral.service.ReferralEvents;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.plugin.api.ReferralEventType;

/**
 * A referral's page and its next steps. Each step goes through the same service as
 * {@code POST /api/v1/referrals/{id}/events}: a step the lifecycle does not allow is not offered, and one that a
 * colleague's step made illegal meanwhile shows the service's reason at the top of the page.
 */
@Hidden
@Controller("/referrals")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class ReferralPages {

    /** Steps recorded by one button; the others need a page of their own or the plans pages. */
    static final List<ReferralEventType> ONE_CLICK = List.of(ReferralEventType.CONTACTED,
            ReferralEventType.ASSESSED, ReferralEventType.FIRST_VISIT, ReferralEventType.ACCEPTED,
            ReferralEventType.WAITING);

    private final SignedInPages pages;
    private final ReferralReader referrals;
    private final ReferralEvents events;
    private final PersonService people;
    private final PageCsrf csrf;
    private final org.carespec.platform.casework.service.CaseworkAccess access;
    private final org.carespec.platform.plan.service.PlanService plans;

    public ReferralPages(SignedInPages pages, ReferralReader referrals, ReferralEvents events, PersonService people,
                         PageCsrf csrf,
                         org.carespec.platform.casework.service.CaseworkAccess access,
                         org.carespec.platform.plan.service.PlanService plans) {
        this.access = access;
        this.plans = plans;
        this.pages = pages;
        this.referrals = referrals;
        this.events = events;
        this.people = people;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, String id, @QueryValue @Nullable String done) {
        return page(request, id, done == null || !done.matches("[A-Z_]{1,64}") ? null
                : "Recorded: " + UiText.words(done), List.of(), 200);
    }

    @Post(value = "/{id}/steps", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> step(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<Shell> shell = pages.shell(request, "caseload");
        UUID referral = PageParts.uuid(id);
        if (shell.isEmpty() || referral == null) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/")) : PageParts.notFound(shell.get());
        }
        ReferralEventType type;
        try {
            type = ReferralEventType.valueOf(form.getOrDefault("type", ""));
        } catch (IllegalArgumentException e) {
            return page(request, id, null, List.of(new FieldMessage(null, "Choose one of the next steps")), 400);
        }
        if (!ONE_CLICK.contains(type)) {
            return page(request, id, null, List.of(new FieldMessage(null, "That step is recorded on its own page")),
                    400);
        }
        try {
            events.add(referral, new ReferralEventCommand(type, null, null, null, null), null);
        } catch (ConflictException e) {
            return page(request, id, null, List.of(new FieldMessage(null, e.getMessage())), 409);
        } catch (InvalidRequestException e) {
            return page(request, id, null, e.errors().stream().map(f -> new FieldMessage(null, f.detail())).toList(),
                    400);
        } catch (NotFoundException e) {
            return PageParts.notFound(shell.get());
        }
        return HttpResponse.seeOther(URI.create("/referrals/" + referral + "?done=" + type.name()));
    }

    private HttpResponse<?> page(HttpRequest<?> request, String id, String notice, List<FieldMessage> errors,
                                 int status) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        UUID referral = PageParts.uuid(id);
        if (referral == null || !pages.holdsCaseload()) {
            return PageParts.notFound(shell.get());
        }
        ReferralView r;
        try {
            r = referrals.get(referral);
        } catch (NotFoundException e) {
            return PageParts.notFound(shell.get());
        }
        var person = people.get(r.personId());
        // the contract and its module, read once for the whole page
        var held = access.ownContract(r.contractId());
        var contract = held.contract();
        boolean hadFirstVisit = r.events().stream().anyMatch(e -> e.type() == ReferralEventType.FIRST_VISIT);
        List<ReferralPage.Step> steps = new ArrayList<>();
        if (r.status().isOpen()) {
            for (ReferralEventType next : ReferralLifecycle.allowedNext(r.status(), hadFirstVisit)) {
                if (ONE_CLICK.contains(next)) {
                    steps.add(new ReferralPage.Step(next.name(), stepLabel(next), null));
                } else if (next == ReferralEventType.PLAN_AGREED) {
                    steps.add(new ReferralPage.Step(next.name(), "Agree a plan", "/referrals/" + r.id() + "/plan"));
                } else if (next == ReferralEventType.CLOSED) {
                    steps.add(new ReferralPage.Step(next.name(), "Close the referral",
                            "/referrals/" + r.id() + "/close"));
                } else if (next == ReferralEventType.DECLINED) {
                    steps.add(new ReferralPage.Step(next.name(), "Decline the referral",
                            "/referrals/" + r.id() + "/decline"));
                }
            }
            steps.add(new ReferralPage.Step("ACTIVITY", "Record an activity or break",
                    "/referrals/" + r.id() + "/activity"));
        }
        if (r.status() == org.carespec.platform.referral.domain.ReferralStatus.DECLINED) {
            steps.add(new ReferralPage.Step("LETTER", "The letter of decline", "/referrals/" + r.id() + "/letter"));
        }
        if (!held.module().outcomeInstruments().isEmpty()) {
            steps.add(new ReferralPage.Step("OUTCOMES", "Outcome readings", "/referrals/" + r.id() + "/outcomes"));
        }
        List<ReferralPage.ClockRow> clocks = r.clocks().stream().map(c -> new ReferralPage.ClockRow(c.title(),
                c.source(), UiText.date(c.startedOn()), UiText.date(c.dueDate()), UiText.date(c.metAt()),
                UiText.words(c.status().name()), colour(c.status()))).toList();
        List<ReferralPage.EventRow> history = r.events().stream().map(e -> new ReferralPage.EventRow(
                UiText.words(e.type().name()), UiText.date(e.occurredAt().toLocalDate()),
                e.reason() == null ? (e.note() == null ? "" : e.note())
                        : UiText.words(e.reason()) + (e.note() == null ? "" : ": " + e.note()), e.recordedBy()))
                .toList();
        ReferralPage view = new ReferralPage(r.id().toString(), r.personId().toString(),
                person.givenName() + " " + person.familyName(), contract.title(),
                UiText.date(r.receivedAt().toLocalDate()), UiText.words(r.source()), UiText.words(r.status().name()),
                UiText.words(r.priority().name()), r.eligibility() != null && r.eligibility().eligible(),
                findings(r.eligibility() == null ? null : r.eligibility().reasons()),
                findings(r.eligibility() == null ? null : r.eligibility().flags()), clocks, history, steps, notice, errors,
                ended(r, held.module()), plan(r));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", view);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("referral", model));
    }

    private ReferralPage.PlanSummary plan(ReferralView r) {
        List<org.carespec.platform.plan.service.PlanView> agreed = plans.ofReferral(r.id());
        if (agreed.isEmpty()) {
            return null;
        }
        var p = agreed.get(agreed.size() - 1);
        return new ReferralPage.PlanSummary(p.id().toString(), UiText.date(p.agreedOn()), UiText.date(p.nextReviewOn()),
                p.reviewMonths(), p.goals().stream().map(g -> g.title() + (g.latestProgress() == null ? ""
                : " (" + UiText.words(g.latestProgress()) + ")")).toList(), p.reviews().size());
    }

    /** How a closed referral ended, in words ("Withdrawn: Moved away"), or null while it is open. */
    private String ended(ReferralView r, org.carespec.platform.plugin.InstalledPlugin module) {
        if (r.closure() == null) {
            return null;
        }
        String detail = r.closure().reason() != null
                ? label(module, org.carespec.plugin.api.codes.CodeLists.LEAVING_REASON, r.closure().reason())
                : r.closure().destination() != null ? label(module,
                org.carespec.plugin.api.codes.CodeLists.MOVING_ON_DESTINATION, r.closure().destination()) : null;
        return UiText.words(r.closure().result()) + (detail == null ? "" : ": " + detail)
                + (r.endedOn() == null ? "" : ", " + UiText.date(r.endedOn()));
    }

    private static String label(org.carespec.platform.plugin.InstalledPlugin module, String list, String code) {
        return module.codeList(list).flatMap(l -> l.find(code)).map(c -> c.label()).orElse(UiText.words(code));
    }

    /** A verdict's findings in words; a referral assessed before verdicts were kept has none. */
    private static List<String> findings(List<org.carespec.platform.referral.service.Finding> findings) {
        return findings == null ? List.of() : findings.stream().map(f -> f.reason()).toList();
    }

    static String stepLabel(ReferralEventType type) {
        return switch (type) {
            case CONTACTED -> "Record first contact";
            case ASSESSED -> "Record the assessment";
            case FIRST_VISIT -> "Record the first visit";
            case ACCEPTED -> "Accept the referral";
            case WAITING -> "Put on the waiting list";
            default -> UiText.words(type.name());
        };
    }

    static String colour(ClockStatus status) {
        return switch (status) {
            case MET -> "green";
            case MET_LATE, OVERDUE -> "red";
            case DUE_TODAY -> "orange";
            case RUNNING -> "blue";
            case NOT_STARTED, STOPPED -> "grey";
        };
    }
}
