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
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.outcome.service.OutcomeService;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.outcome.Scale;

/**
 * Outcome readings of a referral's person on the module's instruments: record a reading, and see each reading with
 * the distance travelled as a chart and, with the same figures, a table (the chart is drawn on the server as SVG, so
 * it needs no script).
 */
@Hidden
@Controller("/referrals/{id}/outcomes")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class OutcomePages {

    private final SignedInPages pages;
    private final ReferralReader referrals;
    private final PersonService people;
    private final OutcomeService outcomes;
    private final CaseworkAccess access;
    private final PageCsrf csrf;
    private final Clock clock;

    public OutcomePages(SignedInPages pages, ReferralReader referrals, PersonService people, OutcomeService outcomes,
                        CaseworkAccess access, PageCsrf csrf, Clock clock) {
        this.pages = pages;
        this.referrals = referrals;
        this.people = people;
        this.outcomes = outcomes;
        this.access = access;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> list(HttpRequest<?> request, String id) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<ReferralView> referral = referral(id);
        if (referral.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        ReferralView r = referral.get();
        List<OutcomesView.Measure> measures = new ArrayList<>();
        for (OutcomeInstrument instrument : instruments(r)) {
            OutcomeService.Outcomes found = outcomes.outcomes(r.personId(), instrument.code());
            List<String> scales = instrument.scales().stream().map(Scale::title).toList();
            List<OutcomesView.ReadingRow> rows = found.readings().stream().map(x -> new OutcomesView.ReadingRow(
                    UiText.date(x.takenOn()), instrument.scales().stream().map(s -> String.valueOf(
                    x.scores().getOrDefault(s.code(), 0))).toList())).toList();
            List<OutcomesView.Distance> distances = new ArrayList<>();
            for (Scale scale : instrument.scales()) {
                Integer change = found.distanceTravelled().get(scale.code());
                if (change != null) {
                    double span = Math.max(1, scale.max() - scale.min());
                    double width = Math.min(50, Math.abs(change) / span * 50);
                    distances.add(new OutcomesView.Distance(scale.title(), change, change >= 0 ? 50 : 50 - width,
                            width));
                }
            }
            measures.add(new OutcomesView.Measure(instrument.code(), instrument.title(), scales, rows, distances));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new OutcomesView(r.id().toString(), name(r), measures));
        return HttpResponse.ok(new ModelAndView<>("outcomes", model));
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{instrument}/new")
    public HttpResponse<?> form(HttpRequest<?> request, String id, String instrument) {
        return form(request, id, instrument, Map.of(), List.of(), 200);
    }

    @Post(value = "/{instrument}/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> record(HttpRequest<?> request, String id, String instrument,
                                  @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, PageParts.first(form, PageCsrf.FIELD));
        Optional<ReferralView> referral = referral(id);
        Optional<OutcomeInstrument> chosen = referral.flatMap(r -> instruments(r).stream()
                .filter(i -> i.code().equals(instrument)).findFirst());
        if (chosen.isEmpty()) {
            return form(request, id, instrument, Map.of(), List.of(), 404);
        }
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate takenOn = DateInput.read(form, "takenOn");
        if (takenOn == null) {
            errors.add(new FieldMessage("takenOn-day", "The day of the reading must be a real date"));
        } else if (takenOn.isAfter(LondonTime.today(clock))) {
            errors.add(new FieldMessage("takenOn-day", "The day of the reading must be today or in the past"));
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Scale scale : chosen.get().scales()) {
            String value = PageParts.first(form, "score-" + scale.code());
            if (value == null || value.isBlank()) {
                errors.add(new FieldMessage("score-" + scale.code() + "-0", "Select a score for " + scale.title()));
            } else {
                try {
                    scores.put(scale.code(), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    errors.add(new FieldMessage("score-" + scale.code() + "-0", "Select a score for "
                            + scale.title()));
                }
            }
        }
        if (errors.isEmpty()) {
            ReferralView r = referral.get();
            try {
                outcomes.record(r.personId(), new OutcomeService.Reading(r.contractId(), instrument, takenOn, scores,
                        r.id()), null);
                return HttpResponse.seeOther(URI.create("/referrals/" + r.id() + "/outcomes"));
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> errors.add(new FieldMessage(null, f.detail())));
            }
        }
        Map<String, String> entered = PageParts.entered(form);
        return form(request, id, instrument, entered, errors, 400);
    }

    private HttpResponse<?> form(HttpRequest<?> request, String id, String instrument, Map<String, String> entered,
                                 List<FieldMessage> errors, int status) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<ReferralView> referral = referral(id);
        Optional<OutcomeInstrument> chosen = referral.flatMap(r -> instruments(r).stream()
                .filter(i -> i.code().equals(instrument)).findFirst());
        if (chosen.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        fields.add(DateInput.field("takenOn", "The day of the reading", "For example, 27 3 2026", true, entered,
                LondonTime.today(clock), byField.get("takenOn-day")));
        for (Scale scale : chosen.get().scales()) {
            List<SchemaForm.Option> options = new ArrayList<>();
            for (int score = scale.min(); score <= scale.max(); score++) {
                options.add(new SchemaForm.Option(String.valueOf(score), String.valueOf(score)));
            }
            String name = "score-" + scale.code();
            String value = entered.get(name);
            fields.add(new SchemaForm.Field("yesno", name, scale.title(), "From " + scale.min() + " to "
                    + scale.max(), true, value, options, value == null ? List.of() : List.of(value),
                    byField.get(name + "-0"), List.of(), Map.of(), null));
        }
        ReferralView r = referral.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new StepForm(r.id().toString(), name(r), "Record a reading: " + chosen.get().title(),
                "/referrals/" + r.id() + "/outcomes/" + instrument + "/new", fields, errors, "Record the reading"));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("stepForm", model));
    }

    private List<OutcomeInstrument> instruments(ReferralView r) {
        return access.ownContract(r.contractId()).module().outcomeInstruments();
    }

    private Optional<ReferralView> referral(String id) {
        try {
            return pages.holdsCaseload() ? Optional.of(referrals.get(UUID.fromString(id))) : Optional.empty();
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String name(ReferralView r) {
        var person = people.get(r.personId());
        return person.givenName() + " " + person.familyName();
    }
}
