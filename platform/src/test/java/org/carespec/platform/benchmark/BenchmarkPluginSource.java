package org.carespec.platform.benchmark;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.plugin.PluginSource;
import org.carespec.platform.plugin.ServiceLoaderPluginSource;
import org.carespec.plugin.api.CarespecPlugin;

/** The installed plugins plus the benchmarks' own modules, in the benchmarks' application context only. */
@Singleton
@Replaces(ServiceLoaderPluginSource.class)
@Requires(property = "carespec.benchmark.modules", value = "true")
class BenchmarkPluginSource implements PluginSource {

    @Override
    public List<CarespecPlugin> plugins() {
        List<CarespecPlugin> plugins = new ArrayList<>(new ServiceLoaderPluginSource().plugins());
        plugins.add(new ReturnBenchPlugin());
        plugins.add(new RecordBenchPlugin());
        return plugins;
    }
}
