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
import org.carespec.platform.referral.service.DeclineLetter;
import org.carespec.platform.referral.service.ReferralEventCommand;
import org.carespec.platform.referral.service.ReferralEvents;
import org.carespec.platform.referral.service.ReferralReader;
import org.carespec.platform.referral.service.ReferralView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * Declining a referral: a reason from the contract's list and the written reason the letter carries (both required,
 * as the API requires them), then the letter itself, previewed on the page and as the PDF that is sent.
 */
@Hidden
@Controller("/referrals/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class DeclinePages {

    private final SignedInPages pages;
    private final ReferralReader referrals;
    private final ReferralEvents events;
    private final PersonService people;
    private final ContractChoices choices;
    private final DeclineLetter letters;
    private final PageCsrf csrf;

    public DeclinePages(SignedInPages pages, ReferralReader referrals, ReferralEvents events, PersonService people,
                        ContractChoices choices, DeclineLetter letters, PageCsrf csrf) {
        this.pages = pages;
        this.referrals = referrals;
        this.events = events;
        this.people = people;
        this.choices = choices;
        this.letters = letters;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/decline")
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        return form(request, id, Map.of(), List.of(), 200);
    }

    @Post(value = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decline(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<ReferralView> referral = referral(id);
        if (referral.isEmpty()) {
            return form(request, id, form, List.of(), 404);
        }
        String reason = form.getOrDefault("reason", "").strip();
        String note = form.getOrDefault("note", "").strip();
        List<FieldMessage> errors = new ArrayList<>();
        if (reason.isEmpty()) {
            errors.add(new FieldMessage("reason-0", "Select why the referral is not accepted"));
        }
        if (note.isEmpty()) {
            errors.add(new FieldMessage("note", "Enter the written reason: the letter gives it in full"));
        } else if (note.length() > 4000) {
            errors.add(new FieldMessage("note", "The written reason must be 4000 characters or fewer"));
        }
        if (errors.isEmpty()) {
            try {
                events.add(referral.get().id(), new ReferralEventCommand(ReferralEventType.DECLINED, null, reason, note,
                        null), null);
                return HttpResponse.seeOther(URI.create("/referrals/" + referral.get().id() + "/letter"));
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> errors.add(new FieldMessage("reason".equals(f.field()) ? "reason-0"
                        : "note".equals(f.field()) ? "note" : null, "reason".equals(f.field())
                        ? "Select why the referral is not accepted" : f.detail())));
            } catch (ConflictException e) {
                errors.add(new FieldMessage(null, e.getMessage()));
            }
        }
        return form(request, id, form, errors, 400);
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/letter")
    public HttpResponse<?> letter(HttpRequest<?> request, String id) {
        Optional<Shell> shell = pages.shell(request, "caseload");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<ReferralView> referral = referral(id);
        String html;
        try {
            html = referral.map(r -> letters.html(r.id())).orElseThrow(() -> new NotFoundException("Referral " + id));
        } catch (NotFoundException | ConflictException e) {
            return PageParts.notFound(shell.get());
        }
        // the letter is written by DeclineLetter, which escapes every value it puts in; its body is shown as it is
        String body = html.substring(html.indexOf("<body>") + "<body>".length(), html.indexOf("</body>"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("referralId", referral.get().id().toString());
        model.put("personName", name(referral.get()));
        model.put("letter", body);
        return HttpResponse.ok(new ModelAndView<>("declineLetter", model));
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/letter.pdf")
    @Produces(MediaType.APPLICATION_PDF)
    public HttpResponse<?> pdf(HttpRequest<?> request, String id) {
        if (pages.shell(request, "caseload").isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        try {
            UUID referral = referral(id).map(ReferralView::id).orElseThrow(() -> new NotFoundException(id));
            return HttpResponse.ok(letters.pdf(referral)).contentType(MediaType.APPLICATION_PDF_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"referral-" + referral
                            + "-not-accepted.pdf\"");
        } catch (NotFoundException | ConflictException e) {
            return HttpResponse.notFound();
        }
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
        List<SchemaForm.Option> reasons = choices.options(referral.get().contractId(), CodeLists.DECLINE_REASON);
        String reason = entered.get("reason");
        List<SchemaForm.Field> fields = List.of(
                new SchemaForm.Field("radios", "reason", "Why the referral is not accepted", null, true, reason,
                        reasons, reason == null ? List.of() : List.of(reason), byField.get("reason-0"), List.of(),
                        Map.of(), null),
                new SchemaForm.Field("textarea", "note", "The written reason",
                        "In full, for the letter: it goes to the Care Co-ordinator or the referrer, copied to the"
                                + " Contract Manager", true, entered.get("note"), List.of(), List.of(),
                        byField.get("note"), List.of(), Map.of(), null));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("view", new StepForm(referral.get().id().toString(), name(referral.get()),
                "Decline the referral", "/referrals/" + referral.get().id() + "/decline", fields, errors,
                "Decline and write the letter"));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("stepForm", model));
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
