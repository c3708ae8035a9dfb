package org.carespec.plugin.api.kpi;

import java.util.Objects;

/** A dimension a KPI is broken down by: {@code age-band}, {@code gender}, {@code ethnicity}, {@code source}… */
public record Breakdown(String code, String title) {

    public Breakdown {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
