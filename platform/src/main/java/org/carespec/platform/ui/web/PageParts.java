package org.carespec.platform.ui.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every page controller needs the same way: the not-found page, and reading ids and fields of a posted form. */
final class PageParts {

    private PageParts() {
    }

    /** The "Page not found" page: an id that is not the caller's organisation's reads as one that does not exist. */
    static HttpResponse<?> notFound(Shell shell) {
        return HttpResponse.notFound(new ModelAndView<>("notFound", Map.of("shell", shell)));
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

    /** A form field's first value, or null when the form has none. */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
