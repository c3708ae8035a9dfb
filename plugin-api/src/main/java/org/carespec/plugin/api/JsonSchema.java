package org.carespec.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON Schema document (draft 2020-12) held as text. The platform parses and checks it at start-up.
 *
 * @param source where it came from, for error messages ({@code carers-options/settings.schema.json})
 * @param json   the schema text
 */
public record JsonSchema(String source, String json) {

    public JsonSchema {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
    }

    /** Reads a schema from the plugin's own class path, e.g. {@code fromResource(MyPlugin.class, "/my/form.json")}. */
    public static JsonSchema fromResource(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema resource at " + path);
            }
            return new JsonSchema(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + path, e);
        }
    }
}
