package org.carespec.plugin.api.outcome;

import java.util.Objects;

/** One scale of an outcome instrument, e.g. a ladder of an outcome star from 1 to 10. */
public record Scale(String code, String title, int min, int max) {

    public Scale {
        Objects.requireNonNull(code, "code");
        if (min >= max) {
            throw new IllegalArgumentException("a scale's min must be below its max");
        }
    }
}
