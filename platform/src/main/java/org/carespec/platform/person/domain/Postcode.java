package org.carespec.platform.person.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** UK postcodes, normalised to upper case with one space before the inward code: {@code HD1 2AB}. */
public final class Postcode {

    private static final Pattern SHAPE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");

    private Postcode() {
    }

    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        var m = SHAPE.matcher(compact);
        return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
    }

    /** The outward code (postcode district), {@code HD1} of {@code HD1 2AB}. */
    public static String district(String normalised) {
        int space = normalised.indexOf(' ');
        return space < 0 ? normalised : normalised.substring(0, space);
    }
}
