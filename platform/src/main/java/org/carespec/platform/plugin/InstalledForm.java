package org.carespec.platform.plugin;

import org.carespec.platform.json.CompiledSchema;
import org.carespec.plugin.api.form.FormDefinition;

/** A plugin's form with its schema checked and compiled. */
public record InstalledForm(FormDefinition definition, CompiledSchema schema) {

    public String code() {
        return definition.code();
    }

    public int version() {
        return definition.version();
    }
}
