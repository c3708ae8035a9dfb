package org.carespec.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** A return as the API answers it, read the way a test checks it: a line by code, its value, its cells. */
public record ReturnLines(JsonNode json) {

    public JsonNode line(String code) {
        for (JsonNode l : json.path("lines")) {
            if (l.path("code").asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code + " in " + json);
    }

    public int value(String code) {
        return line(code).path("value").asInt();
    }

    /** The line's breakdown as {@code dimension/category} to value, in order. */
    public Map<String, Integer> cells(String code) {
        Map<String, Integer> cells = new TreeMap<>();
        line(code).path("breakdown").forEach(c -> cells.put(c.path("dimension").asText() + "/"
                + c.path("category").asText(), c.path("value").asInt()));
        return cells;
    }
}
