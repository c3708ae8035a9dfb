package org.carespec.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.junit.jupiter.api.Test;

/** A KPI query that does not run against the reporting views stops the boot, naming the module and the KPI. */
class KpiDryRunTest {

    @Test
    void aColumnTypoInAKpiQueryRefusesTheBoot() {
        Map<String, Object> properties = new HashMap<>(new IntegrationTest() { }.getProperties());
        properties.put("micronaut.server.port", -1);
        Throwable failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties, "kpi-typo").close());
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PluginRejectedException)) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().startsWith("Plugin 'typo' was refused: KPI T1 does not run against the reporting"
                + " views: "), root.getMessage());
        assertTrue(root.getMessage().contains("recieved_on"), root.getMessage());
    }

    /** In the "kpi-typo" environment the class path seems to hold one module whose KPI names a column wrongly. */
    @Singleton
    @Requires(env = "kpi-typo")
    @Replaces(ServiceLoaderPluginSource.class)
    static class TypoPluginSource implements PluginSource {
        @Override
        public List<CarespecPlugin> plugins() {
            return List.of(TestPlugin.of("typo", c -> c.kpi(KpiDefinition.quarterly("T1", "Typo",
                    SpecReference.of("test", "§1"), KpiUnit.COUNT, KpiComputation.sql(
                            "select count(*) as value from reporting.referral where recieved_on >= :period_start")))));
        }
    }
}
