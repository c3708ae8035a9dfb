package org.carespec.platform.ui.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.person.domain.Equality;
import org.carespec.platform.person.service.PersonChange;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;

/**
 * Changing a person's equality monitoring answers: one question for each answer the platform keeps (the Equality
 * Act's characteristics, NHS ethnic category, armed forces), each with "prefer not to say" as the person's own
 * answer and blank as "not asked". The questions are read from {@link Equality} itself, so a new answer there is a
 * new question here.
 */
@Hidden
@Controller("/persons/{id}/equality")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class EqualityPage {

    private final SignedInPages pages;
    private final PersonService people;
    private final PageCsrf csrf;

    public EqualityPage(SignedInPages pages, PersonService people, PageCsrf csrf) {
        this.pages = pages;
        this.people = people;
        this.csrf = csrf;
    }

    @Connectable // one connection for the whole page: its session is set up once
    @Get
    public HttpResponse<?> form(HttpRequest<?> request, String id) {
        Map<String, String> entered = new LinkedHashMap<>();
        PageParts.person(pages, people, id).map(PersonView::equality).ifPresent(e -> {
            for (RecordComponent c : Equality.class.getRecordComponents()) {
                Object value = read(c, e);
                if (value != null) {
                    entered.put(c.getName(), value instanceof Enum<?> en ? en.name() : value.toString());
                }
            }
        });
        return form(request, id, entered, List.of(), 200);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, String id, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        Optional<PersonView> person = PageParts.person(pages, people, id);
        if (person.isEmpty()) {
            return form(request, id, form, List.of(), 404);
        }
        List<FieldMessage> errors = new ArrayList<>();
        Object[] answers = new Object[Equality.class.getRecordComponents().length];
        RecordComponent[] components = Equality.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String value = form.getOrDefault(c.getName(), "").strip();
            if (value.isEmpty()) {
                continue;
            }
            if (c.getType().isEnum()) {
                answers[i] = Arrays.stream(c.getType().getEnumConstants()).filter(k -> ((Enum<?>) k).name()
                        .equals(value)).findFirst().orElse(null);
            } else {
                answers[i] = Equality.ETHNIC_CATEGORIES.containsKey(value) ? value : null;
            }
            if (answers[i] == null) {
                errors.add(new FieldMessage(c.getName(), "Select " + SchemaForm.lower(SchemaForm.words(c.getName()))
                        + " from the options"));
            }
        }
        if (errors.isEmpty()) {
            try {
                Equality equality = Equality.class.getDeclaredConstructor(Arrays.stream(components)
                        .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(answers);
                people.update(person.get().id(), new PersonChange(null, null, null, null, null, null, null, null,
                        null, null, null, null, null, equality));
                return HttpResponse.seeOther(URI.create("/persons/" + person.get().id()));
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> errors.add(new FieldMessage(f.field().replace("equality.", ""),
                        SchemaForm.words(f.field().replace("equality.", "")) + " " + f.detail())));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("equality answers cannot be made", e);
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
        Optional<PersonView> person = PageParts.person(pages, people, id);
        if (person.isEmpty()) {
            return PageParts.notFound(shell.get());
        }
        Map<String, String> byField = StepForm.byField(errors);
        List<SchemaForm.Field> fields = new ArrayList<>();
        for (RecordComponent c : Equality.class.getRecordComponents()) {
            List<SchemaForm.Option> options = new ArrayList<>();
            if (c.getType().isEnum()) {
                for (Object constant : c.getType().getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    options.add(new SchemaForm.Option(name, name.equals("NOT_STATED") ? "Prefer not to say"
                            : UiText.words(name)));
                }
            } else {
                Equality.ETHNIC_CATEGORIES.forEach((code, label) -> options.add(new SchemaForm.Option(code,
                        "Z".equals(code) ? "Prefer not to say" : label)));
            }
            String chosen = entered.get(c.getName());
            fields.add(new SchemaForm.Field(options.size() <= SchemaForm.RADIOS_UP_TO ? "radios" : "select",
                    c.getName(), SchemaForm.words(c.getName()), null, false, chosen, options,
                    chosen == null ? List.of() : List.of(chosen), byField.get(c.getName()), List.of(), Map.of(),
                    null));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell.get());
        model.put("personId", person.get().id().toString());
        model.put("personName", person.get().givenName() + " " + person.get().familyName());
        model.put("heading", "Equality monitoring");
        model.put("action", "/persons/" + person.get().id() + "/equality");
        model.put("fields", fields);
        model.put("errors", errors);
        return HttpResponse.status(HttpStatus.valueOf(status)).body(new ModelAndView<>("personEdit", model));
    }

    private static Object read(RecordComponent c, Equality e) {
        try {
            return c.getAccessor().invoke(e);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("equality answers unreadable", ex);
        }
    }
}
