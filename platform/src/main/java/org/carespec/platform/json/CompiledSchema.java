package org.carespec.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.carespec.platform.errors.FieldError;

/** A checked JSON Schema, ready to validate documents and fill in their defaults. */
public final class CompiledSchema {

    private final String source;
    private final JsonNode document;
    private final JsonSchema validator;

    CompiledSchema(String source, JsonNode document, JsonSchema validator) {
        this.source = source;
        this.document = document;
        this.validator = validator;
    }

    public String source() {
        return source;
    }

    /** The schema itself, as served to clients that build forms from it. */
    public JsonNode document() {
        return document;
    }

    /**
     * Validates a document, first filling in the schema's defaults for missing properties (the document is
     * changed in place). Each error names its field as a dotted path under {@code fieldPrefix}.
     */
    public List<FieldError> applyDefaultsAndValidate(ObjectNode instance, String fieldPrefix) {
        validator.walk(instance, false);
        return validate(instance, fieldPrefix);
    }

    /** Validates a document without changing it. */
    public List<FieldError> validate(JsonNode instance, String fieldPrefix) {
        Set<ValidationMessage> messages = validator.validate(instance);
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            errors.add(new FieldError(fieldName(fieldPrefix, m), detail(m)));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::detail));
        return errors;
    }

    private static String fieldName(String prefix, ValidationMessage m) {
        StringBuilder field = new StringBuilder(prefix == null ? "" : prefix);
        String location = m.getInstanceLocation().toString(); // JSON Pointer, "" for the root
        for (String token : location.split("/")) {
            if (!token.isEmpty()) {
                append(field, token.replace("~1", "/").replace("~0", "~"));
            }
        }
        if ("required".equals(m.getType()) || "dependentRequired".equals(m.getType())) {
            if (m.getProperty() != null) {
                append(field, m.getProperty());
            }
        }
        if ("additionalProperties".equals(m.getType()) || "unevaluatedProperties".equals(m.getType())) {
            if (m.getProperty() != null) {
                append(field, m.getProperty());
            }
        }
        return field.length() == 0 ? "(document)" : field.toString();
    }

    private static void append(StringBuilder field, String token) {
        if (token.matches("\\d+")) {
            field.append('[').append(token).append(']');
        } else {
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(token);
        }
    }

    private static String detail(ValidationMessage m) {
        String message = m.getMessage();
        // networknt prefixes its messages with the instance location ("$.age: ...", "/age: ...", and ": ..." for the
        // document itself, where a missing top-level property is reported); the field already says it.
        int colon = message.indexOf(": ");
        if (colon == 0 || colon > 0 && (message.startsWith("$") || message.startsWith("/"))) {
            return message.substring(colon + 2);
        }
        return message;
    }
}
