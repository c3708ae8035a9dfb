package org.carespec.platform.ui.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.calendar.WorkingDays;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.referral.service.ReferralFilter;
import org.carespec.platform.referral.service.ReferralList;
import org.carespec.platform.referral.service.ReferralListItem;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantCalendar;
import org.carespec.plugin.api.rules.Priority;

/**
 * My caseload: the provider's open referrals with each one's next clock as a coloured tag, filtered by status,
 * priority, service module and overdue, searched by name or NHS number, a page at a time. The same service as
 * {@code GET /api/v1/referrals}: no rule is written twice.
 */
@Hidden
@Controller("/caseload")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class CaseloadPage {

    static final int PAGE_SIZE = 25;
    /** Beyond this many referrals the caseload says "more than" instead of counting them all on every view. */
    static final long COUNT_UP_TO = 1000;

    /** The status filter's value for referrals of every status, open or not. */
    static final String ANY = "ANY";

    private final SignedInPages pages;
    private final ReferralList referrals;
    private final ContractService contracts;
    private final PluginRegistry plugins;
    private final TenantCalendar calendars;
    private final CallerContext callers;
    private final Clock clock;

    public CaseloadPage(SignedInPages pages, ReferralList referrals, ContractService contracts, PluginRegistry plugins,
                        TenantCalendar calendars, CallerContext callers, Clock clock) {
        this.pages = pages;
        this.referrals = referrals;
        this.contracts = contracts;
        this.plugins = plugins;
        this.calendars = calendars;
        this.callers = callers;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> caseload(HttpRequest<?> request, @QueryValue @Nullable String status,
                                    @QueryValue @Nullable String priority, @QueryValue @Nullable String overdue,
                                    @QueryValue @Nullable String module, @QueryValue @Nullable String search,
                                    @QueryValue @Nullable String page) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        if (!pages.holdsCaseload()) {
            if (pages.inProvider()) { // a volunteer: group attendance is theirs
                return HttpResponse.seeOther(URI.create("/attendance"));
            }
            model.put("view", null);
            return HttpResponse.ok(new ModelAndView<>("caseload", model));
        }
        // the caseload opens on the open referrals; "any status" and each status are the other choices
        boolean anyStatus = ANY.equals(status);
        ReferralStatus chosenStatus = anyStatus ? null : parse(ReferralStatus.class, status);
        Priority chosenPriority = parse(Priority.class, priority);
        boolean onlyOverdue = overdue != null && !overdue.isBlank();
        List<SchemaForm.Option> modules = contracts.modulesOfOwnOrganisation().stream().sorted()
                .map(id -> new SchemaForm.Option(id, plugins.find(id).map(m -> m.descriptor().name()).orElse(id)))
                .toList();
        String chosenModule = modules.stream().map(SchemaForm.Option::value).filter(m -> m.equals(module))
                .findFirst().orElse(null);
        String searched = searchText(search);
        int pageNumber = Math.max(1, Math.min(number(page), 400_000)) - 1;
        ReferralFilter filter = ReferralFilter.all().status(chosenStatus).priority(chosenPriority)
                .overdue(onlyOverdue).module(chosenModule).search(searched);
        if (chosenStatus == null && !anyStatus) {
            filter = filter.open();
        }
        // counted no further than needed to say "more than 1,000" and whether a next page exists
        long countUpTo = Math.max(COUNT_UP_TO, (long) (pageNumber + 1) * PAGE_SIZE);
        Page<ReferralListItem> found = referrals.listCountingUpTo(filter, PageRequest.of(pageNumber, PAGE_SIZE),
                countUpTo);
        boolean more = found.total() > countUpTo;
        LocalDate today = LondonTime.today(clock);
        WorkingDays workingDays = calendars.of(callers.require().requireTenant());
        LocalDate soon = workingDays.after(today, 3);
        List<CaseloadView.Row> rows = found.items().stream().map(r -> new CaseloadView.Row(r.id().toString(),
                r.personId().toString(), r.personName(), UiText.date(r.receivedAt().toLocalDate()),
                UiText.words(r.status().name()), UiText.words(r.priority().name()), tag(r.nextClock(), today, soon)))
                .toList();
        int pageCount = more ? pageNumber + 2 : (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.put("view", new CaseloadView(rows, anyStatus ? ANY : chosenStatus == null ? "" : chosenStatus.name(),
                chosenPriority == null ? null : chosenPriority.name(), onlyOverdue, chosenModule,
                searched == null ? "" : searched, pageNumber, pageCount, more ? countUpTo : found.total(), more,
                Arrays.stream(ReferralStatus.values()).map(Enum::name).toList(),
                Arrays.stream(Priority.values()).map(Enum::name).toList(), modules.size() > 1 ? modules : List.of()));
        return HttpResponse.ok(new ModelAndView<>("caseload", model));
    }

    static CaseloadView.ClockTag tag(ReferralListItem.NextClock next, LocalDate today, LocalDate soon) {
        if (next == null) {
            return new CaseloadView.ClockTag("No clock running", "grey");
        }
        String clock = UiText.words(next.code().replace('-', '_'));
        if (next.dueDate().isBefore(today)) {
            return new CaseloadView.ClockTag(clock + ": overdue since " + UiText.date(next.dueDate()), "red");
        }
        if (next.dueDate().isEqual(today)) {
            return new CaseloadView.ClockTag(clock + ": due today", "orange");
        }
        return new CaseloadView.ClockTag(clock + ": due " + UiText.date(next.dueDate()),
                next.dueDate().isAfter(soon) ? "blue" : "yellow");
    }

    /** A filter's value, or none when it is empty or not one of the values (a hand-edited address shows all). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What was typed in the search box, at most 100 characters; null when empty. (A control character never gets this
     * far: {@link org.carespec.platform.web.PlainTextFilter} refuses it for every route.)
     */
    static String searchText(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        if (text.codePointCount(0, text.length()) > 100) { // never half of a character
            text = text.substring(0, text.offsetByCodePoints(0, 100));
        }
        return text.isEmpty() ? null : text;
    }

    private static int number(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
