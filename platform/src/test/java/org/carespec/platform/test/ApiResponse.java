package org.carespec.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer as a test reads it: status, content type, headers, and the body as a JSON tree. */
public record ApiResponse(int status, String contentType, String body, java.util.Map<String, String> headers) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        try {
            return body == null || body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    public String text(String pointer) {
        return json().at(pointer).asText();
    }

    public String id() {
        return text("/id");
    }

    /** Fails with the body in the message unless the status is the one expected. */
    public ApiResponse expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
        }
        return this;
    }

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** The fields named in a problem's {@code errors}. */
    public java.util.List<String> problemFields() {
        java.util.List<String> fields = new java.util.ArrayList<>();
        json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
