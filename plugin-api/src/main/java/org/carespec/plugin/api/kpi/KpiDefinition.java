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
 */
public record KpiDefinition(String code, String title, SpecReference source, KpiUnit unit,
                            List<Breakdown> breakdowns, KpiComputation computation, ReportingPeriod period) {

    public KpiDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(computation, "computation");
        Objects.requireNonNull(period, "period");
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }

    /** A quarterly KPI. */
    public static KpiDefinition quarterly(String code, String title, SpecReference source, KpiUnit unit,
                                          KpiComputation computation, Breakdown... breakdowns) {
        return new KpiDefinition(code, title, source, unit, List.of(breakdowns), computation, ReportingPeriod.QUARTER);
    }
}
