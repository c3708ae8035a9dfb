package org.carespec.platform.plugin;

/** A plugin failed start-up validation; the message names the plugin and the problem, and the boot stops. */
public class PluginRejectedException extends RuntimeException {

    public PluginRejectedException(String message) {
        super(message);
    }

    public static PluginRejectedException of(String pluginId, String problem) {
        return new PluginRejectedException("Plugin '" + pluginId + "' was refused: " + problem);
    }
}
