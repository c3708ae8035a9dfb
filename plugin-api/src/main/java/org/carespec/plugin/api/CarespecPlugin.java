package org.carespec.plugin.api;

/**
 * The entry point of a service-specification plugin, found with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin jar lists its implementation in
 * {@code META-INF/services/org.carespec.plugin.api.CarespecPlugin}. The platform calls
 * {@link #descriptor()} and {@link #contribute(Contributions)} once at start-up, validates
 * everything contributed, and refuses to boot with one message naming the plugin if anything is wrong.
 *
 * <p>Implementations must be stateless and cheap to construct: they describe, the platform runs.
 */
public interface CarespecPlugin {

    /** Who this plugin is, what it implements and which plugin-api versions it works with. */
    PluginDescriptor descriptor();

    /** Registers everything the plugin brings: migrations, settings, forms, rules, clocks, KPIs, obligations. */
    void contribute(Contributions contributions);
}
