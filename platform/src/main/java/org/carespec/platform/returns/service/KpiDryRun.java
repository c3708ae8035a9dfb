package org.carespec.platform.returns.service;

import io.micronaut.context.annotation.Context;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.plugin.PluginRejectedException;
import org.carespec.platform.schema.SchemaMigrator;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;

/**
 * At start-up, once the schema is migrated, runs every module's KPI query once against the reporting views in a
 * scope that holds no rows, and refuses to boot, naming the module and the KPI, if one does not run: a column typo is
 * found by whoever installs the module, not by a provider manager opening a return.
 */
@Context
public class KpiDryRun {

    public KpiDryRun(SchemaMigrator migrated, PluginRegistry plugins, KpiRunner runner) {
        for (InstalledPlugin plugin : plugins.all()) {
            for (KpiDefinition kpi : plugin.kpis()) {
                if (kpi.computation() instanceof KpiComputation.Sql sql) {
                    try {
                        runner.dryRun(sql.sql());
                    } catch (KpiRunner.KpiQueryException e) {
                        if (e.busy()) {
                            throw e;
                        }
                        throw PluginRejectedException.of(plugin.id(), "KPI " + kpi.code() + " does not run against"
                                + " the reporting views: " + e.getMessage());
                    }
                }
            }
        }
    }
}
