package org.carespec.platform.ui.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;

/**
 * What every page controller needs the same way: the not-found page, reading ids and fields of a posted form, and
 * finding the person a page is about.
 */
final class PageParts {

    private PageParts() {
    }

    /** The "Page not found" page: an id that is not the caller's organisation's reads as one that does not exist. */
    static HttpResponse<?> notFound(Shell shell) {
        return HttpResponse.notFound(new ModelAndView<>("error", Map.of("shell", shell, "view",
                ErrorPage.of(404, null, null))));
    }

    /** An id from an address or a form, or null when it is not one. */
    static UUID uuid(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A text field as entered, or null when left blank. */
    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A posted form as it was entered, a field's first value each, to show again beside its errors. */
    static Map<String, String> entered(Map<String, List<String>> form) {
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!values.isEmpty() && !PageCsrf.FIELD.equals(name)) {
                entered.put(name, values.get(0));
            }
        });
        return entered;
    }

    /**
     * A person of the caller's provider, for a page about them: none when the id is not one, when the person is
     * another organisation's, or when the caller holds no caseload.
     */
    static Optional<PersonView> person(SignedInPages pages, PersonService people, String id) {
        UUID person = uuid(id);
        if (person == null || !pages.holdsCaseload()) {
            return Optional.empty();
        }
        try {
            return Optional.of(people.get(person));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A form field's first value, or null when the form has none. */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
