package org.carespec.plugin.api.codes;

import java.util.Objects;

/**
 * One entry of a code list: a stable code, the words a person reads, and an optional group (a "hard to provide
 * for" group under its heading, an agency under its sector).
 */
public record Code(String code, String label, String group) {

    public Code {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    public Code(String code, String label) {
        this(code, label, null);
    }
}
