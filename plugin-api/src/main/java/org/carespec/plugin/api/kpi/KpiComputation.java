package org.carespec.plugin.api.kpi;

import java.util.Objects;

/** How the platform obtains a KPI's value for one contract and one period. */
public sealed interface KpiComputation {

    /**
     * A read-only SQL query over the platform's reporting views. The platform runs it as a role that can read
     * nothing but those views, with the tenant and the contract already bound, so the query cannot see another
     * tenant's or another contract's rows. It binds {@code :period_start} and {@code :period_end} (dates, end
     * exclusive). The columns it returns are described in the plugin guide ({@code docs/plugin-guide.md}).
     */
    record Sql(String sql) implements KpiComputation {
        public Sql {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** A figure a person enters because the data cannot exist in the system. */
    record Manual() implements KpiComputation {
    }

    static KpiComputation sql(String sql) {
        return new Sql(sql);
    }

    static KpiComputation manual() {
        return new Manual();
    }
}
