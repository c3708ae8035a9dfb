package org.carespec.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Corrects, at build time, two constructs micronaut-openapi writes that do not say what the API sends:
 * <ul>
 * <li>a property whose type is another schema and may be left out is written as {@code nullable: true} beside an
 * {@code allOf} of that schema, with no {@code type} (invalid since OpenAPI 3.0.3, and refused by Redocly's lint).
 * The API leaves null-valued fields out of its answers and accepts a request without them, so such a property
 * becomes the plain reference: it is optional because it is not in {@code required};</li>
 * <li>a {@code Map<String, Object>} (a form's data, a module's JSON Schema, an audit event's before and after) is
 * written as an object whose values are objects; its values are any JSON value, so it becomes
 * {@code additionalProperties: true}.</li>
 * </ul>
 * It also lists each operation's responses in status order, the success first: generated clients build their
 * {@code Accept} header from that order, and one that asks for {@code application/problem+json} alone would be
 * refused a successful answer (406).
 * Run by the platform's build after compilation:
 * {@code java org.carespec.platform.web.OpenApiDocumentTidy <document.yml>}.
 */
public final class OpenApiDocumentTidy {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private OpenApiDocumentTidy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OpenApiDocumentTidy <openapi.yml>");
        }
        Path file = Path.of(args[0]);
        JsonNode document = YAML.readTree(file.toFile());
        int changed = tidy(document);
        sortResponses(document);
        YAML.writeValue(file.toFile(), document);
        System.out.println("OpenApiDocumentTidy: " + changed + " schemas corrected in " + file);
    }

    /** Rewrites every construct above in the document; answers how many there were. */
    public static int tidy(JsonNode node) {
        int changed = 0;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (isNullableReference(field.getValue())) {
                    ObjectNode reference = object.objectNode();
                    reference.set("$ref", field.getValue().get("allOf").get(0).get("$ref"));
                    field.setValue(reference);
                    changed++;
                } else if (field.getKey().equals("additionalProperties") && isObjectOnly(field.getValue())) {
                    field.setValue(object.booleanNode(true));
                    changed++;
                } else {
                    changed += tidy(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                changed += tidy(element);
            }
        }
        return changed;
    }

    /** Orders every operation's {@code responses} by status code. */
    public static void sortResponses(JsonNode document) {
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                if (operation.path("responses") instanceof ObjectNode responses) {
                    java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
                    responses.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
                    responses.removeAll();
                    sorted.forEach(responses::set);
                }
            }
        }
    }

    static boolean isObjectOnly(JsonNode schema) {
        return schema instanceof ObjectNode && schema.size() == 1 && "object".equals(schema.path("type").asText());
    }

    static boolean isNullableReference(JsonNode schema) {
        if (!(schema instanceof ObjectNode) || !schema.path("nullable").asBoolean(false) || schema.has("type")) {
            return false;
        }
        JsonNode allOf = schema.path("allOf");
        if (!allOf.isArray() || allOf.size() != 1 || !allOf.get(0).has("$ref") || allOf.get(0).size() != 1) {
            return false;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("nullable") && !name.equals("allOf") && !name.equals("description")) {
                return false;
            }
        }
        return true;
    }
}
