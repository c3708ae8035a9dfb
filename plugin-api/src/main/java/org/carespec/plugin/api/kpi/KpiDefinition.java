package org.carespec.plugin.api.kpi;

import java.util.List;
import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/**
 * A figure of a performance return.
 *
 * @param code        as the specification or commissioner names it ({@code R7}, {@code CO01}); unique in the plugin
 * @param title       the line as the specification words it
 * @param source      the specification line it answers
 * @param unit        what the value measures
 * @param breakdowns  dimensions the value is also broken down by
 * @param computation how the value is obtained
 * @param period      how often it is reported
 * @param parts       the specification parts whose contracts report it; empty for every contract
 * @param definition  what exactly is counted, in words a commissioner checks the figure against (who counts, from
 *                    and to which day, what is left out); shown with the line in every return
 */
public record KpiDefinition(String code, String title, SpecReference source, KpiUnit unit,
                            List<Breakdown> breakdowns, KpiComputation computation, ReportingPeriod period,
                            java.util.Set<String> parts, String definition) {

    public KpiDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(computation, "computation");
        Objects.requireNonNull(period, "period");
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        parts = parts == null ? java.util.Set.of() : java.util.Set.copyOf(parts);
    }

    /** A KPI without a written definition. */
    public KpiDefinition(String code, String title, SpecReference source, KpiUnit unit, List<Breakdown> breakdowns,
                         KpiComputation computation, ReportingPeriod period, java.util.Set<String> parts) {
        this(code, title, source, unit, breakdowns, computation, period, parts, null);
    }

    /** A KPI of every part of the specification. */
    public KpiDefinition(String code, String title, SpecReference source, KpiUnit unit, List<Breakdown> breakdowns,
                         KpiComputation computation, ReportingPeriod period) {
        this(code, title, source, unit, breakdowns, computation, period, java.util.Set.of(), null);
    }

    /** The same KPI, in the returns of contracts for these specification parts only (004 Part 1's R1-R8). */
    public KpiDefinition forParts(String... parts) {
        return new KpiDefinition(code, title, source, unit, breakdowns, computation, period,
                java.util.Set.of(parts), definition);
    }

    /** The same KPI with its definition written out (since plugin-api 2.1). */
    public KpiDefinition definedAs(String words) {
        return new KpiDefinition(code, title, source, unit, breakdowns, computation, period, parts,
                Objects.requireNonNull(words, "words"));
    }

    /** Whether the KPI belongs in the return of a contract for this part ({@code null}: the module has none). */
    public boolean appliesTo(String part) {
        return parts.isEmpty() || parts.contains(part);
    }

    /** A quarterly KPI. */
    public static KpiDefinition quarterly(String code, String title, SpecReference source, KpiUnit unit,
                                          KpiComputation computation, Breakdown... breakdowns) {
        return new KpiDefinition(code, title, source, unit, List.of(breakdowns), computation, ReportingPeriod.QUARTER);
    }
}
