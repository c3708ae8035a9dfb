package org.carespec.platform.ui.web;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.activity.service.ActivityService;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;
import org.carespec.platform.referral.service.ReferralFilter;
import org.carespec.platform.referral.service.ReferralList;

/**
 * A person's page: details, NHS number, communication needs, equality monitoring, relationships, and a timeline of
 * their referrals and activities, newest first. Reading it is audited like {@code GET /api/v1/persons/{id}}.
 */
@Hidden
@Controller("/persons")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class PersonPages {

    private final SignedInPages pages;
    private final PersonService people;
    private final ReferralList referrals;
    private final ActivityService activities;

    public PersonPages(SignedInPages pages, PersonService people, ReferralList referrals, ActivityService activities) {
        this.pages = pages;
        this.people = people;
        this.referrals = referrals;
        this.activities = activities;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, String id) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        PersonView p;
        try {
            if (!pages.holdsCaseload()) {
                throw new NotFoundException("Person " + id);
            }
            p = people.get(UUID.fromString(id));
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
        List<PersonPage.Row> details = new ArrayList<>();
        add(details, "Date of birth", p.dateOfBirth() == null ? null : UiText.date(p.dateOfBirth())
                + (p.age() == null ? "" : " (" + p.age() + ")"));
        add(details, "NHS number", p.nhsNumber() == null ? null : p.nhsNumber().replaceAll("(\\d{3})(\\d{3})(\\d{4})",
                "$1 $2 $3"));
        add(details, "Address", p.address());
        add(details, "Postcode", p.postcode());
        add(details, "Phone", p.phone());
        add(details, "Email", p.email());
        add(details, "GP practice", p.gpPractice());
        add(details, "Local authority", p.localAuthorityCode());
        add(details, "Preferred language", p.preferredLanguage());
        add(details, "Needs an interpreter", p.interpreterNeeded() == null ? null
                : p.interpreterNeeded() ? "Yes" : "No");
        add(details, "Communication needs", p.communicationNeeds());
        List<PersonPage.Row> equality = new ArrayList<>();
        if (p.equality() != null) {
            for (RecordComponent c : p.equality().getClass().getRecordComponents()) {
                try {
                    Object value = c.getAccessor().invoke(p.equality());
                    add(equality, SchemaForm.words(c.getName()), value == null ? null
                            : UiText.words(String.valueOf(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("equality answers unreadable", e);
                }
            }
        }
        List<PersonPage.Link> relationships = p.relationships().stream().map(r -> new PersonPage.Link(
                UiText.words(r.relationship()) + " " + r.name(), "/persons/" + r.personId())).toList();
        List<Dated> timeline = new ArrayList<>();
        referrals.list(ReferralFilter.all().person(p.id()), PageRequest.of(0, 50))
                .items().forEach(r -> timeline.add(new Dated(r.receivedAt().toLocalDate(), new PersonPage.TimelineItem(
                        UiText.date(r.receivedAt().toLocalDate()), "Referral received",
                        UiText.words(r.status().name()) + ", from " + UiText.words(r.source()),
                        "/referrals/" + r.id()))));
        activities.list(p.id(), null, null, null, null, PageRequest.of(0, 50)).items().forEach(a -> timeline.add(
                new Dated(a.occurredOn(), new PersonPage.TimelineItem(UiText.date(a.occurredOn()),
                        UiText.words(a.type()), (a.durationMinutes() == null ? "" : a.durationMinutes() + " minutes")
                        + (a.agency() == null ? "" : (a.durationMinutes() == null ? "" : ", ") + a.agency()),
                        a.referralId() == null ? null : "/referrals/" + a.referralId()))));
        timeline.sort(Comparator.comparing(Dated::on).reversed());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new PersonPage(p.id().toString(), p.givenName() + " " + p.familyName(), details, equality,
                relationships, timeline.stream().map(Dated::item).toList()));
        return HttpResponse.ok(new ModelAndView<>("person", model));
    }

    private static void add(List<PersonPage.Row> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new PersonPage.Row(key, value));
        }
    }

    private record Dated(LocalDate on, PersonPage.TimelineItem item) {
    }
}
