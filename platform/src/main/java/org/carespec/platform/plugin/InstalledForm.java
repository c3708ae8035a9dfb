package org.carespec.platform.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Splits submitted data into what is stored as JSON and the fields the module marks sensitive (encrypted). */
    public Split split(Map<String, Object> data) {
        Map<String, Object> plain = new LinkedHashMap<>(data);
        Map<String, Object> sensitive = new LinkedHashMap<>();
        for (String field : definition.sensitiveFields()) {
            if (plain.containsKey(field)) {
                sensitive.put(field, plain.remove(field));
            }
        }
        return new Split(plain, sensitive.isEmpty() ? null : sensitive);
    }

    /** @param sensitive {@code null} when the data holds no sensitive field */
    public record Split(Map<String, Object> plain, Map<String, Object> sensitive) {
    }
}
