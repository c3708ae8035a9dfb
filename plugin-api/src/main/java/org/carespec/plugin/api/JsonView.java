package org.carespec.plugin.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of a JSON object (form data, contract settings) for rules to read without a JSON
 * library. Paths are JSON Pointers: {@code "/caredFor/seriousMentalIllness"}.
 */
public final class JsonView {

    private static final JsonView EMPTY = new JsonView(Map.of());

    private final Map<String, Object> root;

    private JsonView(Map<String, Object> root) {
        this.root = root;
    }

    /** Wraps a map of JSON values (String, Number, Boolean, List, Map or null). */
    public static JsonView of(Map<String, ?> json) {
        if (json == null || json.isEmpty()) {
            return EMPTY;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) json;
        return new JsonView(Collections.unmodifiableMap(cast));
    }

    public static JsonView empty() {
        return EMPTY;
    }

    public boolean has(String pointer) {
        return find(pointer) != null;
    }

    public Optional<String> string(String pointer) {
        Object value = find(pointer);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<BigDecimal> number(String pointer) {
        Object value = find(pointer);
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Number n) {
            return Optional.of(new BigDecimal(n.toString()));
        }
        return Optional.empty();
    }

    public Optional<Integer> integer(String pointer) {
        return number(pointer).map(BigDecimal::intValueExact);
    }

    public Optional<Boolean> bool(String pointer) {
        Object value = find(pointer);
        return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** True only when the value at the pointer is the boolean {@code true}. */
    public boolean isTrue(String pointer) {
        return bool(pointer).orElse(false);
    }

    public List<String> strings(String pointer) {
        Object value = find(pointer);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    public JsonView object(String pointer) {
        Object value = find(pointer);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) map;
            return of(cast);
        }
        return EMPTY;
    }

    public List<JsonView> objects(String pointer) {
        Object value = find(pointer);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<JsonView> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) map;
                out.add(of(cast));
            }
        }
        return List.copyOf(out);
    }

    private Object find(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
        }
        Object current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = map.get(token);
            } else if (current instanceof List<?> list && token.matches("\\d+")) {
                int index = Integer.parseInt(token);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
