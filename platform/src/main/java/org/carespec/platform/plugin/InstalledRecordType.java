package org.carespec.platform.plugin;

import java.util.Map;
import java.util.Optional;
import org.carespec.platform.json.CompiledSchema;
import org.carespec.plugin.api.record.RecordLink;
import org.carespec.plugin.api.record.RecordType;

/** A plugin's record type with its schema checked and compiled, and the fields that name code lists. */
public record InstalledRecordType(RecordType definition, CompiledSchema schema, CodeFields codeFields) {

    public String code() {
        return definition.code();
    }

    public int version() {
        return definition.version();
    }

    public SensitiveSplit split(Map<String, Object> data) {
        return SensitiveSplit.of(data, definition.sensitiveFields());
    }

    public Optional<RecordLink> link(String name) {
        return definition.links().stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
