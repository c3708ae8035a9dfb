package org.carespec.platform.plugin;

import java.util.function.Consumer;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.Specification;

/** A plugin made up in a test, to be refused (or accepted) by the plugin host. */
record TestPlugin(PluginDescriptor descriptor, Consumer<Contributions> contributions) implements CarespecPlugin {

    static TestPlugin of(String id, Consumer<Contributions> contributions) {
        return new TestPlugin(PluginDescriptor.of(id, "Test " + id, "1.0.0", "[2.0,3.0)",
                new Specification("T/1", "Test", "Test commissioner", "test")), contributions);
    }

    static TestPlugin requiring(String id, String apiRange) {
        return new TestPlugin(PluginDescriptor.of(id, "Test " + id, "1.0.0", apiRange,
                new Specification("T/1", "Test", "Test commissioner", "test")), c -> { });
    }

    @Override
    public void contribute(Contributions c) {
        contributions.accept(c);
    }
}
