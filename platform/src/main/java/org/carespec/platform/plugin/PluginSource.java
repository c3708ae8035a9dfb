package org.carespec.platform.plugin;

import java.util.List;
import org.carespec.plugin.api.CarespecPlugin;

/** Where plugins come from. In production: {@link ServiceLoaderPluginSource}. */
public interface PluginSource {

    List<CarespecPlugin> plugins();
}
