package org.carespec.platform.returns.domain;

import java.util.List;

/**
 * A submitted version of a return as frozen in {@code return_version.snapshot}, whose SHA-256 is stored beside it.
 * Its JSON field names are the stored format: they change only with a migration of the stored snapshots, never
 * with the API. Snapshots written before this record existed carry two more fields per line and cell
 * ({@code previousValue}, {@code suppressed}, always null), which reading ignores.
 */
public record ReturnSnapshot(String contractId, String moduleId, String moduleVersion, String period,
                             String computedAt, List<ReturnLine> lines, List<ReturnNarrative> narratives) {

    public ReturnSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
        narratives = narratives == null ? List.of() : List.copyOf(narratives);
    }
}
