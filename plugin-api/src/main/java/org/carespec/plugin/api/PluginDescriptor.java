package org.carespec.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * Who a plugin is.
 *
 * @param id             stable identifier, lower-case kebab case ({@code carers-options}); names its tables,
 *                       its Flyway history and its URLs, so it never changes once released
 * @param name           the service's name as a commissioner would say it
 * @param version        the plugin's own version
 * @param requiresApi    the plugin-api versions it works with, e.g. {@code [1.0,2.0)}
 * @param specifications the service specifications it implements
 */
public record PluginDescriptor(String id, String name, String version, VersionRange requiresApi,
                               List<Specification> specifications) {

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requiresApi, "requiresApi");
        specifications = specifications == null ? List.of() : List.copyOf(specifications);
    }

    /** Convenience for {@code new PluginDescriptor(id, name, version, VersionRange.parse(range), specs)}. */
    public static PluginDescriptor of(String id, String name, String version, String requiresApi,
                                      Specification... specifications) {
        return new PluginDescriptor(id, name, version, VersionRange.parse(requiresApi), List.of(specifications));
    }
}
