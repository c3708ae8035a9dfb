package org.carespec.platform.plugin;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.carespec.plugin.api.CarespecPlugin;

/** Finds plugins on the class path through {@code META-INF/services/org.carespec.plugin.api.CarespecPlugin}. */
@Singleton
public class ServiceLoaderPluginSource implements PluginSource {

    @Override
    public List<CarespecPlugin> plugins() {
        List<CarespecPlugin> found = new ArrayList<>();
        try {
            for (CarespecPlugin plugin : ServiceLoader.load(CarespecPlugin.class, getClass().getClassLoader())) {
                found.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginRejectedException("a plugin could not be loaded: " + e.getMessage());
        }
        return found;
    }
}
