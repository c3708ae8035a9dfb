package org.carespec.plugin.api.obligation;

import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/** A duty a contract places on the provider, with when it falls due. */
public record ObligationDefinition(String code, String title, SpecReference source, DueRule due) {

    public ObligationDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(due, "due");
    }
}
