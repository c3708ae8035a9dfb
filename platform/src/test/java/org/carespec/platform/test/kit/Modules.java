package org.carespec.platform.test.kit;

import java.util.List;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.PluginApi;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PriorityRule;

/**
 * The plugin test kit's module: a plugin installed exactly as the platform installs it at start-up (every
 * declaration validated, a refusal thrown with the platform's message), and its rules found by code, for unit tests
 * that need no database.
 */
public final class Modules {

    private Modules() {
    }

    /** The plugin as the platform would install it; fails with the start-up refusal if a declaration is wrong. */
    public static InstalledPlugin install(CarespecPlugin plugin) {
        return PluginRegistry.install(List.of(plugin), PluginApi.version()).get(plugin.descriptor().id());
    }

    public static EligibilityRule eligibilityRule(InstalledPlugin module, String code) {
        return module.eligibilityRules().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("module " + module.id() + " has no eligibility rule " + code));
    }

    public static PriorityRule priorityRule(InstalledPlugin module, String code) {
        return module.priorityRules().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("module " + module.id() + " has no priority rule " + code));
    }

    public static ActionRule actionRule(InstalledPlugin module, String code) {
        return module.actionRules().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("module " + module.id() + " has no action rule " + code));
    }
}
