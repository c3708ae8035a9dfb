package org.carespec.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.plugin.api.CarespecPlugin;
import org.junit.jupiter.api.Test;

/** A refused plugin stops the whole boot, and the one message says which plugin and why. */
class BootRefusalTest {

    @Test
    void theApplicationDoesNotStartWithAPluginItRefuses() {
        Map<String, Object> properties = new HashMap<>(new IntegrationTest() { }.getProperties());
        properties.put("micronaut.server.port", -1);
        Throwable failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties, "plugin-refusal").close());
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PluginRejectedException)) {
            root = root.getCause();
        }
        assertEquals("Plugin 'legacy' was refused: it requires plugin-api [1.0.0,2.0.0) but this platform provides "
                + org.carespec.plugin.api.PluginApi.version(), root.getMessage());
    }

    /** In the "plugin-refusal" environment the class path seems to hold a plugin built for API 1.x. */
    @Singleton
    @Requires(env = "plugin-refusal")
    @Replaces(ServiceLoaderPluginSource.class)
    static class FuturePluginSource implements PluginSource {
        @Override
        public List<CarespecPlugin> plugins() {
            return List.of(TestPlugin.requiring("legacy", "[1.0,2.0)"));
        }
    }
}
