package org.carespec.plugin.api.kpi;

import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/** A line of a return that a person writes (unmet needs, testimony), with guidance on what to write. */
public record NarrativeDefinition(String code, String title, SpecReference source, String guidance) {

    public NarrativeDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
    }
}
