package org.carespec.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document, as the jar serves it, keeps the promises an integrator generates a client from: named and
 * tagged operations, the problem answers each can give, paged lists, a version that follows the paths, examples for
 * the requests that cannot be guessed. A new route that misses one fails here, naming it.
 */
class OpenApiDocumentTest {

    static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/carespec-1.yml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** Calls {@code check} with "METHOD /path" and the operation, for every operation of the document. */
    static void eachOperation(BiConsumer<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    @Test
    void everyOperationHasAUniqueWordForAnIdASummaryAndOneOfTheDocumentsTags() {
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            String id = op.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                wrong.add(name + ": operationId '" + id + "'");
            }
            if (op.path("summary").asText().isBlank()) {
                wrong.add(name + ": no summary");
            }
            if (op.path("tags").size() != 1 || !tags.contains(op.path("tags").get(0).asText())) {
                wrong.add(name + ": tags " + op.path("tags"));
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(ids.size() >= 79, "the document lists every operation: " + ids.size());
    }

    @Test
    void everyOperationSaysWhichProblemsItCanAnswerAsProblemJson() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonNode responses = op.path("responses");
            boolean signIn = name.equals("POST /login") || name.equals("POST /oauth/access_token");
            List<String> expected = new ArrayList<>(signIn ? List.of("400", "401") : List.of("400", "401", "403"));
            if (name.contains("{")) {
                expected.add("404");
            }
            for (String code : expected) {
                if (!responses.has(code)) {
                    wrong.add(name + ": no " + code);
                }
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") && !r.getValue().path("content").path(Problem.MEDIA_TYPE).path("schema")
                        .path("$ref").asText().equals("#/components/schemas/Problem")) {
                    wrong.add(name + ": " + r.getKey() + " is not a problem+json Problem");
                }
            });
            // The success first: generated clients take their Accept header from the order of the responses.
            if (!responses.fieldNames().hasNext() || !responses.fieldNames().next().startsWith("2")) {
                wrong.add(name + ": the first answer is not a success");
            }
            // Signing in and refreshing are the operations without a bearer token; every other inherits the scheme.
            if (signIn != (op.has("security") && op.path("security").isEmpty())) {
                wrong.add(name + ": security " + op.path("security"));
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals("bearer", document.path("security").get(0).fieldNames().next());
    }

    @Test
    void everyListIsAPageAndTakesPageAndSize() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> op.path("responses").fields().forEachRemaining(r -> {
            JsonNode schema = r.getValue().path("content").path("application/json").path("schema");
            if (schema.path("type").asText().equals("array")) {
                wrong.add(name + ": answers a bare array");
            }
            String ref = schema.path("$ref").asText();
            if (ref.startsWith("#/components/schemas/Page")) {
                Set<String> params = new HashSet<>();
                op.path("parameters").forEach(p -> params.add(p.path("name").asText()));
                if (!params.containsAll(Set.of("page", "size"))) {
                    wrong.add(name + ": a page without page and size parameters");
                }
                JsonNode page = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                Set<String> required = new HashSet<>();
                page.path("required").forEach(n -> required.add(n.asText()));
                if (!required.equals(Set.of("items", "page", "size", "total"))) {
                    wrong.add(name + ": " + ref + " requires " + required);
                }
            }
        }));
        assertEquals(List.of(), wrong);
    }

    /** What Redocly's lint found invalid in micronaut-openapi's output, corrected by OpenApiDocumentTidy. */
    @Test
    void noSchemaIsNullableBesideAnAllOfAndNoMapHoldsOnlyObjects() {
        List<String> wrong = new ArrayList<>();
        walk(document, "", (where, node) -> {
            if (node.path("nullable").asBoolean(false) && node.has("allOf") && !node.has("type")) {
                wrong.add(where + ": nullable beside allOf, with no type");
            }
            JsonNode values = node.path("additionalProperties");
            if (values.isObject() && values.size() == 1 && values.path("type").asText().equals("object")) {
                wrong.add(where + ": a map whose values must be objects");
            }
        });
        assertEquals(List.of(), wrong);
    }

    static void walk(JsonNode node, String where, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(where, node);
            node.fields().forEachRemaining(e -> walk(e.getValue(), where + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visit);
            }
        }
    }

    @Test
    void theVersionFollowsThePathsAndTheDocumentSaysWhereItIsServed() {
        String version = document.path("info").path("version").asText();
        assertTrue(version.matches(ApiVersion.MAJOR + "\\.\\d+\\.\\d+"), version);
        document.path("paths").fieldNames().forEachRemaining(path -> assertTrue(
                path.startsWith(ApiVersion.PATH_PREFIX + "/") || path.equals("/login")
                        || path.equals("/oauth/access_token"), path));
        assertFalse(document.path("servers").isEmpty());
        assertFalse(document.path("info").path("description").asText().isBlank());
    }

    @Test
    void theRequestsAnIntegratorCannotGuessHaveExamples() {
        List<String> missing = new ArrayList<>();
        for (String operation : List.of("POST /login", "POST /api/v1/persons", "POST /api/v1/contracts",
                "POST /api/v1/contracts/{contractId}/referrals", "POST /api/v1/referrals/{id}/events",
                "POST /api/v1/contracts/{contractId}/forms/{formCode}")) {
            String[] parts = operation.split(" ");
            JsonNode examples = document.path("paths").path(parts[1]).path(parts[0].toLowerCase())
                    .path("requestBody").path("content").path("application/json").path("examples");
            if (examples.isEmpty()) {
                missing.add(operation);
            }
        }
        assertEquals(List.of(), missing);
        JsonNode events = document.path("paths").path("/api/v1/referrals/{id}/events").path("post")
                .path("requestBody").path("content").path("application/json").path("examples");
        assertFalse(events.path("declined").path("value").path("reason").asText().isBlank(),
                "DECLINED is shown with its reason");
        assertEquals("GOALS_MET", events.path("closed, goals met").path("value").path("outcome").path("result")
                .asText(), "CLOSED is shown with its outcome");
    }
}
