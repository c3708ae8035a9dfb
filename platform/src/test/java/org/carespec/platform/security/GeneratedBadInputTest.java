package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.RawDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's standing bad-input suite: for every write in the OpenAPI document, bodies made from its own schema and
 * then spoiled one field at a time (the wrong type, a NUL, a control character, a lone surrogate, 100,000
 * characters, a number past any range) and whole bodies that are not what was asked (empty, null, an array, not
 * JSON, nesting 5,000 deep, a field the schema does not have, the wrong content type). Each is sent with a token of
 * the first role the route lets in, so that it reaches the body's checks. Every answer is a 4xx problem+json (never
 * a 5xx), and no table holds one row more or less afterwards. A write added to the API is covered as soon as the
 * document lists it.
 */
@MicronautTest(transactional = false)
class GeneratedBadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void setUp() {
        api = new Api(server);
        t = TestTenant.create(api);
        document = new org.yaml.snakeyaml.Yaml().load(api.get("/swagger/carespec-1.yml", null).expect(200).body());
    }

    /** A write: method, path with random ids, and the schema of its JSON body, if it has one. */
    private record Write(String method, String path, Map<String, Object> schema) {
        String name() {
            return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Write> writes() {
        List<Write> writes = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (!List.of("post", "put", "patch").contains(method) || path.equals("/login")
                    || path.contains("/evidence")) {
                return; // sign-in has its own tests (LoginThrottleTest, StrictInputTest); evidence is a file upload
            }
            Map<String, Object> op = (Map<String, Object>) operation;
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            Map<String, Object> schema = null;
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.get("content");
                Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
                schema = json == null ? null : resolve((Map<String, Object>) json.get("schema"));
            }
            writes.add(new Write(method.toUpperCase(), path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                    schema));
        }));
        return writes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return null;
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
            Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            return resolve((Map<String, Object>) components.get(name));
        }
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            return resolve((Map<String, Object>) all.get(0));
        }
        return schema;
    }

    /** A value of the property's own type: the body the spoiled ones start from. */
    @SuppressWarnings("unchecked")
    private Object sample(Map<String, Object> property) {
        Map<String, Object> schema = resolve(property);
        if (schema == null) {
            return "x";
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String format = String.valueOf(schema.get("format"));
        return switch (String.valueOf(schema.get("type"))) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            case "string" -> switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-06-01";
                case "date-time" -> "2026-06-01T10:00:00Z";
                case "email" -> "someone@example.org";
                default -> "x";
            };
            default -> "x";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, String>> spoiledBodies(Map<String, Object> schema) {
        List<Map.Entry<String, String>> bodies = new ArrayList<>();
        bodies.add(Map.entry("empty", ""));
        bodies.add(Map.entry("null", "null"));
        bodies.add(Map.entry("an array", "[1,2]"));
        bodies.add(Map.entry("not JSON", "{\"a\": "));
        bodies.add(Map.entry("deep", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        Map<String, Object> properties = schema == null || schema.get("properties") == null ? Map.of()
                : (Map<String, Object>) schema.get("properties");
        Map<String, Object> base = new TreeMap<>();
        properties.forEach((name, property) -> base.put(name, sample((Map<String, Object>) property)));
        bodies.add(Map.entry("an extra field", json(with(base, "notAField" + UUID.randomUUID().toString()
                .substring(0, 4), "x"))));
        properties.forEach((name, property) -> {
            Map<String, Object> resolved = resolve((Map<String, Object>) property);
            String type = resolved == null ? "string" : String.valueOf(resolved.get("type"));
            Object wrong = switch (type) {
                case "string" -> List.of("x");
                case "integer", "number" -> "12";
                case "boolean" -> "yes";
                default -> 7;
            };
            bodies.add(Map.entry(name + ": wrong type", json(with(base, name, wrong))));
            bodies.add(Map.entry(name + ": NUL", json(with(base, name, "a\u0000b"))));
            bodies.add(Map.entry(name + ": escape", json(with(base, name, "a\u001b[2Jb"))));
            // escaped in the JSON text: sent raw, Java's UTF-8 encoder would turn it into "?" before it left
            bodies.add(Map.entry(name + ": lone surrogate", json(with(base, name, "a\ud800b"))
                    .replace("\ud800", "\\ud800")));
            bodies.add(Map.entry(name + ": 100,000 characters", json(with(base, name, "x".repeat(100_000)))));
            bodies.add(Map.entry(name + ": a number past any range", json(base).replaceFirst(
                    "\"" + java.util.regex.Pattern.quote(name) + "\":(\"[^\"]*\"|[^,}]*)",
                    "\"" + name + "\":1" + "0".repeat(400))));
        });
        return bodies;
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(name, value);
        return copy;
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyWriteAnswersSpoiledInputWithA4xxProblemAndWritesNothing() throws Exception {
        List<Write> writes = writes();
        assertTrue(writes.size() > 40, "the document lists the API's writes: " + writes.size());
        RawDatabase.Scan before = RawDatabase.search(List.of("\u0001none"));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        List<String> tokens = new ArrayList<>();
        for (Role role : List.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER,
                Role.VOLUNTEER)) {
            tokens.add(t.token(role));
        }
        tokens.add(api.operatorToken());
        for (Write write : writes) {
            // the first role the route lets in: a body it cannot read is a 400 for it, a 403 for the others
            String token = null;
            for (String candidate : tokens) {
                ApiResponse probe = api.send(write.method(), write.path(), candidate, "[1,2]",
                        Map.of("Content-Type", "application/json"));
                sent++;
                if (probe.status() != 403) {
                    check(write.name() + " (an array)", probe, wrong);
                    token = candidate;
                    break;
                }
            }
            if (token == null) {
                wrong.add(write.name() + ": no role may call it");
                continue;
            }
            for (Map.Entry<String, String> body : spoiledBodies(write.schema())) {
                ApiResponse response = api.send(write.method(), write.path(), token, body.getValue(),
                        Map.of("Content-Type", "application/json"));
                sent++;
                check(write.name() + " (" + body.getKey() + ")", response, wrong);
            }
            ApiResponse text = api.send(write.method(), write.path(), token, "{}", Map.of("Content-Type",
                    "text/plain"));
            sent++;
            check(write.name() + " (as text/plain)", text, wrong);
        }
        assertEquals(List.of(), wrong, "of " + sent + " requests");
        RawDatabase.Scan after = RawDatabase.search(List.of("\u0001none"));
        Map<String, Long> changed = new TreeMap<>();
        after.rowsByTable().forEach((table, rows) -> {
            long was = before.rowsByTable().getOrDefault(table, 0L);
            if (rows != was && !table.contains("audit_") && !table.endsWith("web_session")
                    && !table.endsWith("refresh_token")) {
                changed.put(table, rows - was);
            }
        });
        assertEquals(Map.of(), changed, "rows written or removed by refused requests");
    }

    private static void check(String what, ApiResponse response, List<String> wrong) {
        if (response.status() < 400 || response.status() >= 500) {
            wrong.add(what + " -> " + response.status() + " " + abbreviate(response.body()));
        } else if (!response.isProblem()) {
            wrong.add(what + " -> " + response.status() + " as " + response.contentType());
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
