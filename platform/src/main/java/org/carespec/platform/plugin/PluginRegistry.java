package org.carespec.platform.plugin;

import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.PluginApi;
import org.carespec.plugin.api.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins this platform runs, validated once at start-up. If any plugin is refused the application context
 * fails to start with {@link PluginRejectedException}: never a half-started plugin, never a silent override.
 */
@Context
public class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<String, InstalledPlugin> plugins;

    public PluginRegistry(PluginSource source) {
        this.plugins = install(source.plugins(), PluginApi.version());
        plugins.values().forEach(p -> LOG.info("Plugin {} {} installed ({})", p.id(), p.descriptor().version(),
                p.descriptor().name()));
    }

    /** Validates and installs plugins, sorted by id; refuses the whole set on the first problem. */
    public static Map<String, InstalledPlugin> install(Collection<CarespecPlugin> found, Version apiVersion) {
        PluginValidator validator = new PluginValidator(apiVersion);
        List<InstalledPlugin> installed = new ArrayList<>();
        Map<String, String> classById = new LinkedHashMap<>();
        for (CarespecPlugin plugin : found) {
            InstalledPlugin p = validator.install(plugin);
            String previous = classById.putIfAbsent(p.id(), plugin.getClass().getName());
            if (previous != null) {
                throw PluginRejectedException.of(p.id(), "the id is used by both " + previous + " and "
                        + plugin.getClass().getName());
            }
            installed.add(p);
        }
        installed.sort(Comparator.comparing(InstalledPlugin::id));
        Map<String, InstalledPlugin> byId = new LinkedHashMap<>();
        installed.forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    /** Every installed plugin, sorted by id. */
    public List<InstalledPlugin> all() {
        return List.copyOf(plugins.values());
    }

    public Optional<InstalledPlugin> find(String id) {
        return Optional.ofNullable(plugins.get(id));
    }
}
