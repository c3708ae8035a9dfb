package org.carespec.plugin.api.codes;

import java.util.Objects;

/** One entry of a code list: a stable code and the words a person reads. */
public record Code(String code, String label) {

    public Code {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
