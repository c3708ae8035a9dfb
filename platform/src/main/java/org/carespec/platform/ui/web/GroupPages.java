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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.group.service.GroupCommands;
import org.carespec.platform.group.service.GroupSessionView;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.referral.service.ReferralFilter;
import org.carespec.platform.referral.service.ReferralList;
import org.carespec.platform.workforce.service.WorkerService;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * A group session with its named attendance: the kind of group from the contract's list, when and where, who ran it,
 * and which of the people referred under the contract came. One page, one transaction.
 */
@Hidden
@Controller("/groups/new")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class GroupPages {

    /** How many rows of head counts the form offers. */
    static final int HEADCOUNT_ROWS = 3;
    /** The API's name for a head count's field ({@code headcounts[1].category}). */
    static final java.util.regex.Pattern HEADCOUNT_FIELD = java.util.regex.Pattern.compile(
            "headcounts\\[(\\d+)]\\..*");

    private final SignedInPages pages;
    private final ContractService contracts;
    private final ContractChoices choices;
    private final ReferralList referrals;
    private final WorkerService workers;
    private final GroupSessionRecorder recorder;
    private final CommandCheck check;
    private final PageCsrf csrf;
    private final Clock clock;

    public GroupPages(SignedInPages pages, ContractService contracts, ContractChoices choices, ReferralList referrals,
                      WorkerService workers, GroupSessionRecorder recorder, CommandCheck check, PageCsrf csrf,
                      Clock clock) {
        this.pages = pages;
        this.contracts = contracts;
        this.choices = choices;
        this.referrals = referrals;
        this.workers = workers;
        this.recorder = recorder;
        this.check = check;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, @QueryValue @Nullable String contract) {
        return page(request, contract, Map.of(), List.of(), List.of(), 200, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> record(HttpRequest<?> request, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        csrf.require(request, WebSessionFetcher.COOKIE, PageParts.first(form, PageCsrf.FIELD));
        String contract = PageParts.first(form, "contract");
        UUID contractId = PageParts.uuid(contract);
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate heldOn = DateInput.read(form, "heldOn");
        if (heldOn == null) {
            errors.add(new FieldMessage("heldOn-day", "The day of the session must be a real date"));
        }
        List<String> attendees = form.getOrDefault("personIds", List.of());
        List<String> facilitators = form.getOrDefault("facilitatorIds", List.of());
        List<Integer> headcountRows = new ArrayList<>();
        List<GroupCommands.Headcount> headcounts = headcounts(form, errors, headcountRows);
        if (contractId == null) {
            return HttpResponse.seeOther(URI.create("/groups/new"));
        }
        if (errors.isEmpty()) {
            GroupCommands.NewSession session = new GroupCommands.NewSession(orEmpty(PageParts.first(form, "type")),
                    PageParts.blank(PageParts.first(form, "title")), heldOn, PageParts.blank(PageParts.first(form, "place")),
                    facilitators.stream().map(PageParts::uuid).filter(java.util.Objects::nonNull).toList(), null);
            errors.addAll(check.check(session, Map.of("type", "the kind of group", "heldOn", "The day of the session",
                    "title", "The title", "place", "The place")).stream().map(e -> "type".equals(e.field())
                    ? new FieldMessage("type-0", "Select the kind of group") : e).toList());
            if (errors.isEmpty()) {
                try {
                    GroupSessionView made = recorder.record(contractId, session, new ArrayList<>(
                            new LinkedHashSet<>(attendees.stream().map(PageParts::uuid)
                                    .filter(java.util.Objects::nonNull).toList())), headcounts);
                    return page(request, contract, Map.of(), List.of(), List.of(), 200,
                            "Group session recorded with " + made.totalAttendance() + " attending");
                } catch (InvalidRequestException e) {
                    e.errors().forEach(f -> {
                        java.util.regex.Matcher row = HEADCOUNT_FIELD.matcher(f.field());
                        if (row.matches()) {
                            int n = headcountRows.get(Integer.parseInt(row.group(1)));
                            errors.add(new FieldMessage("headcount-" + n + "-category", "Group " + (n + 1) + " "
                                    + f.detail()));
                        } else {
                            errors.add(new FieldMessage("type".equals(f.field()) ? "type-0" : null,
                                    "type".equals(f.field()) ? "Select the kind of group" : f.detail()));
                        }
                    });
                } catch (ConflictException e) {
                    errors.add(new FieldMessage(null, e.getMessage()));
                } catch (NotFoundException e) {
                    return HttpResponse.seeOther(URI.create("/groups/new"));
                }
            }
        }
        Map<String, String> entered = PageParts.entered(form);
        return page(request, contract, entered, attendees, errors, 400, null);
    }

    private HttpResponse<?> page(HttpRequest<?> request, String contract, Map<String, String> entered,
                                 List<String> attending, List<FieldMessage> errors, int status, String notice) {
        Optional<Shell> shell = pages.shell(request, "groups");
        if (shell.isEmpty() || !pages.holdsCaseload()) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/"))
                    : HttpResponse.seeOther(URI.create("/caseload"));
        }
        List<SchemaForm.Option> contractOptions = contracts.list(PageRequest.of(0, 200)).items().stream()
                .map(c -> new SchemaForm.Option(c.id().toString(), c.title() + " (" + c.reference() + ")")).toList();
        String chosen = contract != null && contractOptions.stream().anyMatch(o -> o.value().equals(contract))
                ? contract : contractOptions.size() == 1 ? contractOptions.get(0).value() : null;
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        if (chosen != null) {
            UUID contractId = UUID.fromString(chosen);
            List<SchemaForm.Option> types = choices.options(contractId, CodeLists.GROUP_TYPE);
            String type = entered.get("type");
            fields.add(new SchemaForm.Field("radios", "type", "The kind of group", null, true, type, types,
                    type == null ? List.of() : List.of(type), byField.get("type-0"), List.of(), Map.of(), null));
            fields.add(text("title", "The title", entered, byField));
            fields.add(DateInput.field("heldOn", "The day of the session", "For example, 27 3 2026", true, entered,
                    LondonTime.today(clock), byField.get("heldOn-day")));
            fields.add(text("place", "The place", entered, byField));
            List<SchemaForm.Option> staff = workers.list(PageRequest.of(0, 200)).items().stream()
                    .map(w -> new SchemaForm.Option(w.id().toString(), w.name() + " (" + UiText.words(w.kind())
                            + ")")).toList();
            if (!staff.isEmpty()) {
                fields.add(new SchemaForm.Field("checkboxes", "facilitatorIds", "Who ran it", null, false, null,
                        staff, List.of(), null, List.of(), Map.of(), null));
            }
            Map<String, String> people = new LinkedHashMap<>();
            referrals.list(ReferralFilter.all().contract(contractId).open(), PageRequest.of(0, 200))
                    .items().forEach(r -> people.putIfAbsent(r.personId().toString(), r.personName()));
            List<SchemaForm.Option> attendees = people.entrySet().stream()
                    .map(e -> new SchemaForm.Option(e.getKey(), e.getValue())).toList();
            fields.add(new SchemaForm.Field("checkboxes", "personIds", "Who came",
                    "The people referred under this contract", false, null, attendees, attending, null, List.of(),
                    Map.of(), null));
            List<SchemaForm.Field> rows = new ArrayList<>();
            for (int i = 0; i < HEADCOUNT_ROWS; i++) {
                String category = "headcount-" + i + "-category";
                String count = "headcount-" + i + "-count";
                rows.add(new SchemaForm.Field("text", category, "Group " + (i + 1), i == 0
                        ? "For example, children, or carers not on the caseload" : null, false, entered.get(category),
                        List.of(), List.of(), byField.get(category), List.of(), Map.of(), "text"));
                rows.add(new SchemaForm.Field("number", count, "How many in group " + (i + 1), null, false,
                        entered.get(count), List.of(), List.of(), byField.get(count), List.of(), Map.of(), "text"));
            }
            fields.add(new SchemaForm.Field("fieldset", "headcounts", "Others who came, counted but not named",
                    "A number of people for each group; they count towards the session's attendance", false, null,
                    List.of(), List.of(), null, rows, Map.of(), null));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("contracts", contractOptions);
        model.put("contract", chosen);
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("notice", notice);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("groupSession", model));
    }

    /**
     * The head counts as entered: a group named and a whole number for it, rows left blank left out; {@code rows}
     * gets the form's row of each.
     */
    static List<GroupCommands.Headcount> headcounts(Map<String, List<String>> form, List<FieldMessage> errors,
                                                    List<Integer> rows) {
        List<GroupCommands.Headcount> headcounts = new ArrayList<>();
        for (int i = 0; i < HEADCOUNT_ROWS; i++) {
            String category = orEmpty(PageParts.first(form, "headcount-" + i + "-category"));
            String count = orEmpty(PageParts.first(form, "headcount-" + i + "-count"));
            if (category.isEmpty() && count.isEmpty()) {
                continue;
            }
            if (category.isEmpty()) {
                errors.add(new FieldMessage("headcount-" + i + "-category", "Enter who group " + (i + 1) + " is"));
                continue;
            }
            if (category.length() > 100) {
                errors.add(new FieldMessage("headcount-" + i + "-category", "Group " + (i + 1)
                        + " must be 100 characters or fewer"));
                continue;
            }
            try {
                int n = Integer.parseInt(count);
                if (n < 0 || n > 100_000) {
                    throw new NumberFormatException();
                }
                headcounts.add(new GroupCommands.Headcount(category, n));
                rows.add(i);
            } catch (NumberFormatException e) {
                errors.add(new FieldMessage("headcount-" + i + "-count", "How many in group " + (i + 1)
                        + " must be a whole number from 0 to 100,000"));
            }
        }
        return headcounts;
    }

    private static SchemaForm.Field text(String name, String label, Map<String, String> entered,
                                         Map<String, String> errors) {
        return new SchemaForm.Field("text", name, label, null, false, entered.get(name), List.of(), List.of(),
                errors.get(name), List.of(), Map.of(), "text");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
