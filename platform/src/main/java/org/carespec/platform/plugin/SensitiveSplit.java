package org.carespec.platform.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Data split into what is stored as JSON and the fields a module marks sensitive (encrypted at rest).
 *
 * @param sensitive {@code null} when the data holds no sensitive field
 */
public record SensitiveSplit(Map<String, Object> plain, Map<String, Object> sensitive) {

    public static SensitiveSplit of(Map<String, Object> data, Set<String> sensitiveFields) {
        Map<String, Object> plain = new LinkedHashMap<>(data);
        Map<String, Object> sensitive = new LinkedHashMap<>();
        for (String field : sensitiveFields) {
            if (plain.containsKey(field)) {
                sensitive.put(field, plain.remove(field));
            }
        }
        return new SensitiveSplit(plain, sensitive.isEmpty() ? null : sensitive);
    }
}
