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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.group.service.GroupCommands;
import org.carespec.platform.group.service.GroupSessionService;
import org.carespec.platform.group.service.GroupSessionView;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;

/**
 * Group attendance, for everyone in the provider and the volunteers' only pages: the provider's group sessions and,
 * for one, who came. The services give volunteers what they may see (names, never notes), so these pages show no more.
 */
@Hidden
@Controller("/attendance")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class AttendancePages {

    private final SignedInPages pages;
    private final GroupSessionService groups;
    private final PersonService people;
    private final PageCsrf csrf;

    public AttendancePages(SignedInPages pages, GroupSessionService groups, PersonService people, PageCsrf csrf) {
        this.pages = pages;
        this.groups = groups;
        this.people = people;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> sessions(HttpRequest<?> request) {
        Optional<Shell> shell = pages.shell(request, "attendance");
        if (shell.isEmpty() || !pages.inProvider()) {
            return shell.isEmpty() ? HttpResponse.seeOther(URI.create("/")) : HttpResponse.seeOther(URI.create("/caseload"));
        }
        List<GroupSessionView> sessions = groups.list(null, null, null, PageRequest.of(0, 50)).items();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("sessions", sessions.stream().map(s -> new SchemaForm.Option(s.id().toString(),
                UiText.date(s.heldOn()) + ": " + (s.title() == null ? UiText.words(s.type()) : s.title()) + " ("
                        + s.totalAttendance() + " attending)")).toList());
        return HttpResponse.ok(new ModelAndView<>("attendanceList", model));
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get("/{id}")
    public HttpResponse<?> session(HttpRequest<?> request, String id) {
        return page(request, id, null, null, 200);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> record(HttpRequest<?> request, String id, @Body @Nullable Map<String, Object> body) {
        Map<String, List<String>> form = NewReferralPages.multi(body);
        List<String> csrfField = form.get(PageCsrf.FIELD);
        csrf.require(request, WebSessionFetcher.COOKIE, csrfField == null ? null : csrfField.get(0));
        try {
            UUID session = UUID.fromString(id);
            List<UUID> attendees = form.getOrDefault("personIds", List.of()).stream().map(UUID::fromString).toList();
            groups.recordAttendance(session, new GroupCommands.Attendance(attendees, null));
            return page(request, id, "Attendance saved: " + attendees.size() + " attending", null, 200);
        } catch (InvalidRequestException e) {
            return page(request, id, null, new FieldMessage(null, "Someone chosen is not on your organisation's"
                    + " records"), 400);
        } catch (NotFoundException | IllegalArgumentException e) {
            return page(request, id, null, null, 404);
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, String id, String notice, FieldMessage error, int status) {
        Optional<Shell> shell = pages.shell(request, "attendance");
        if (shell.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        GroupSessionView session;
        try {
            if (!pages.inProvider()) {
                throw new NotFoundException(id);
            }
            session = groups.get(UUID.fromString(id));
        } catch (NotFoundException | IllegalArgumentException e) {
            return PageParts.notFound(shell.get());
        }
        List<SchemaForm.Option> everyone = people.list(null, PageRequest.of(0, 200)).items().stream()
                .map(p -> new SchemaForm.Option(p.id().toString(), p.givenName() + " " + p.familyName())).toList();
        List<String> came = session.attendees().stream().map(a -> a.personId().toString()).toList();
        SchemaForm.Field field = new SchemaForm.Field("checkboxes", "personIds", "Who came", null, false, null,
                everyone, came, null, List.of(), Map.of(), null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("sessionId", session.id().toString());
        model.put("title", UiText.date(session.heldOn()) + ": " + (session.title() == null
                ? UiText.words(session.type()) : session.title()));
        model.put("field", field);
        model.put("errors", error == null ? List.of() : List.of(error));
        model.put("notice", notice);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status))
                .body(new ModelAndView<>("attendance", model));
    }
}
