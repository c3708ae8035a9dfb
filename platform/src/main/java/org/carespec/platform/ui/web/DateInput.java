package org.carespec.platform.ui.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.web.StrictJson;

/**
 * GOV.UK's date input: three boxes named {@code <name>-day}, {@code -month} and {@code -year}, drawn with what was
 * typed (or a default day), and read back as a date only when it is a real one in a year a case record can have.
 */
final class DateInput {

    /**
     * The years a case record's day can fall in, the API's own range ({@link StrictJson}); anything else is a mistyped
     * year (20261120, 1, 0 or -1).
     */
    static final int FIRST_YEAR = StrictJson.EARLIEST.getYear();
    static final int LAST_YEAR = StrictJson.LATEST.getYear();

    private DateInput() {
    }

    /** Puts a stored date into a form as its three boxes ({@code <name>-day}, {@code -month}, {@code -year}). */
    static void enter(Map<String, String> form, String name, LocalDate date) {
        form.put(name + "-day", String.valueOf(date.getDayOfMonth()));
        form.put(name + "-month", String.valueOf(date.getMonthValue()));
        form.put(name + "-year", String.valueOf(date.getYear()));
    }

    /**
     * The field, showing what was typed, else {@code shown} (null for empty boxes).
     *
     * @param entered the form as typed ({@code heldOn-day}...), or the stored values
     */
    static SchemaForm.Field field(String name, String label, String hint, boolean required,
                                  Map<String, String> entered, LocalDate shown, String error) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("day", entered.getOrDefault(name + "-day", shown == null ? "" : String.valueOf(shown.getDayOfMonth())));
        parts.put("month", entered.getOrDefault(name + "-month", shown == null ? ""
                : String.valueOf(shown.getMonthValue())));
        parts.put("year", entered.getOrDefault(name + "-year", shown == null ? "" : String.valueOf(shown.getYear())));
        return new SchemaForm.Field("date", name, label, hint, required, null, List.of(), List.of(), error, List.of(),
                parts, null);
    }

    /** The date typed in the three boxes, or null when it is not a real date in a sane year. */
    static LocalDate read(Map<String, List<String>> form, String name) {
        return of(PageParts.first(form, name + "-day"), PageParts.first(form, name + "-month"),
                PageParts.first(form, name + "-year"));
    }

    /** As {@link #read(Map, String)}, from a form of single values. */
    static LocalDate readSingle(Map<String, String> form, String name) {
        return of(form.get(name + "-day"), form.get(name + "-month"), form.get(name + "-year"));
    }

    /** Whether all three boxes were left empty. */
    static boolean blank(Map<String, String> form, String name) {
        return PageParts.blank(form.get(name + "-day")) == null && PageParts.blank(form.get(name + "-month")) == null
                && PageParts.blank(form.get(name + "-year")) == null;
    }

    static LocalDate of(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year == null ? "" : year.strip());
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month == null ? "" : month.strip()),
                    Integer.parseInt(day == null ? "" : day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
