package org.carespec.platform.ui.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write dates and ids, the GOV.UK way ("2 February 2026"). */
public final class UiText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private UiText() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The ids a field's hint and error message have, for {@code aria-describedby}; null when it has neither. */
    public static String describedBy(String name, String hint, String error) {
        String ids = ((hint != null ? name + "-hint " : "") + (error != null ? name + "-error" : "")).trim();
        return ids.isEmpty() ? null : ids;
    }

    /** An upper-case code as words: {@code IN_SERVICE} is "In service". */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
