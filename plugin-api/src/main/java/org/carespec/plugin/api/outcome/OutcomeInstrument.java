package org.carespec.plugin.api.outcome;

import java.util.List;
import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/** An outcome measure recorded over time; the platform computes distance travelled per scale. */
public record OutcomeInstrument(String code, String title, SpecReference source, List<Scale> scales) {

    public OutcomeInstrument {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        scales = scales == null ? List.of() : List.copyOf(scales);
    }
}
