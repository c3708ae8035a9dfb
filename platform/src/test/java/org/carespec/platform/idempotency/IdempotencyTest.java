package org.carespec.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every creating endpoint that takes an {@code Idempotency-Key}: the same key and body a second time (a client
 * retrying after a lost answer) give back the first result and create nothing; the same key with another body is
 * refused naming the header. The list is checked against the OpenAPI document, so a new endpoint that takes the key
 * is tested here or the suite fails.
 */
@MicronautTest(transactional = false)
class IdempotencyTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    CaseFile file;
    String practitioner;
    String manager;

    /**
     * A creating endpoint: where it is (made afresh for each try), a body and another one, who calls it, and what a
     * second creation would change in its answer ({@code /id} for most; the events of a referral; the readings).
     */
    record Creation(String operation, Supplier<String> path, Supplier<Map<String, Object>> body,
                    Map<String, Object> otherChange, Role role, Function<JsonNode, String> made) {
    }

    @BeforeAll
    void aCaseFile() {
        api = new Api(server);
        file = CaseFile.record(api, TestTenant.create(api));
        practitioner = file.tenant.token(Role.PRACTITIONER);
        manager = file.tenant.token(Role.PROVIDER_MANAGER);
    }

    List<Creation> creations() {
        String contract = "/api/v1/contracts/" + file.contract;
        Function<JsonNode, String> id = j -> j.path("id").asText();
        return List.of(
                new Creation("POST /api/v1/persons", () -> "/api/v1/persons",
                        () -> Map.of("givenName", "Ida", "familyName", "Empotent"), Map.of("givenName", "Other"),
                        Role.PRACTITIONER, id),
                new Creation("POST /api/v1/contracts/{contractId}/referrals", () -> contract + "/referrals",
                        () -> Map.of("personId", file.carer, "receivedAt", "2026-06-01T09:00:00", "source", "GP"),
                        Map.of("source", "SELF"), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/referrals/{id}/events", () -> "/api/v1/referrals/" + freshReferral()
                        + "/events", () -> Map.of("type", "CONTACTED", "occurredAt", "2026-06-02T09:00:00"),
                        Map.of("occurredAt", "2026-06-02T10:00:00"), Role.PRACTITIONER,
                        j -> Integer.toString(j.path("events").size())),
                new Creation("POST /api/v1/contracts/{contractId}/activities", () -> contract + "/activities",
                        () -> Map.of("personId", file.carer, "type", "PHONE", "occurredOn", "2026-06-03"),
                        Map.of("type", "VISIT"), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/contracts/{contractId}/group-sessions", () -> contract + "/group-sessions",
                        () -> Map.of("type", "WORKSHOP", "heldOn", "2026-06-04"), Map.of("heldOn", "2026-06-05"),
                        Role.PRACTITIONER, id),
                new Creation("POST /api/v1/contracts/{contractId}/forms/{formCode}", () -> contract
                        + "/forms/assessment", () -> Map.of("personId", file.carer, "data", Map.of("complete", false)),
                        Map.of("data", Map.of("complete", true)), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/contracts/{contractId}/records/{type}", () -> contract
                        + "/records/assessment", () -> Map.of("personId", file.carer, "data", Map.of("complete", false)),
                        Map.of("data", Map.of("complete", true)), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/referrals/{referralId}/plans", () -> "/api/v1/referrals/"
                        + acceptedReferral() + "/plans", () -> Map.of("agreedOn", "2026-06-10",
                        "goals", List.of(Map.of("title", "Rest"))), Map.of("agreedOn", "2026-06-11"),
                        Role.PRACTITIONER, id),
                new Creation("POST /api/v1/persons/{personId}/outcome-readings", () -> "/api/v1/persons/"
                        + file.carer + "/outcome-readings", () -> Map.of("contractId", file.contract,
                        "instrument", "star", "takenOn", "2026-06-12", "scores", Map.of("wellbeing", 6, "confidence", 5)),
                        Map.of("takenOn", "2026-06-13"), Role.PRACTITIONER,
                        j -> Integer.toString(j.path("readings").size())),
                new Creation("POST /api/v1/contracts/{contractId}/feedback", () -> contract + "/feedback",
                        () -> Map.of("kind", "COMPLIMENT", "receivedOn", "2026-06-14", "summary", "Thanks",
                                "shareInReturn", false), Map.of("summary", "Thanks again"), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/contracts/{contractId}/safeguarding-concerns", () -> contract
                        + "/safeguarding-concerns", () -> Map.of("aboutPersonId", file.carer, "raisedOn", "2026-06-15",
                        "category", "EMOTIONAL", "details", "Withdrawn", "referredToLocalAuthority", false),
                        Map.of("details", "Tearful"), Role.PRACTITIONER, id),
                new Creation("POST /api/v1/workers", () -> "/api/v1/workers", () -> Map.of("name", "Wyn Worker",
                        "kind", "STAFF"), Map.of("name", "Other Worker"), Role.PROVIDER_MANAGER, id));
    }

    @Test
    void theSameKeyAndBodyGiveTheFirstResultAndCreateNothingNew() {
        List<String> wrong = new ArrayList<>();
        for (Creation c : creations()) {
            String path = c.path().get();
            String key = "retry-" + UUID.randomUUID();
            String token = file.tenant.token(c.role());
            ApiResponse first = send(path, token, c.body().get(), key);
            ApiResponse again = send(path, token, c.body().get(), key);
            if (first.status() != 201 || again.status() != 201) {
                wrong.add(c.operation() + ": " + first.status() + " then " + again.status() + " " + again.body());
                continue;
            }
            if (!c.made().apply(first.json()).equals(c.made().apply(again.json()))) {
                wrong.add(c.operation() + ": a retry created something new");
            }
            // The control: under another key the same body is a new request (created again, or refused as a second
            // event of its kind), or the check above would pass for an endpoint that never creates twice.
            ApiResponse fresh = send(path, token, c.body().get(), "other-" + key);
            boolean triedAgain = fresh.status() == 409
                    || fresh.status() == 201 && !c.made().apply(first.json()).equals(c.made().apply(fresh.json()));
            if (!triedAgain) {
                wrong.add(c.operation() + ": another key did not create again: " + fresh.status() + " " + fresh.body());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() {
        List<String> wrong = new ArrayList<>();
        for (Creation c : creations()) {
            String path = c.path().get();
            String key = "changed-" + UUID.randomUUID();
            String token = file.tenant.token(c.role());
            send(path, token, c.body().get(), key).expect(201);
            Map<String, Object> other = new LinkedHashMap<>(c.body().get());
            other.putAll(c.otherChange());
            ApiResponse refused = send(path, token, other, key);
            if (refused.status() != 400 || !refused.problemFields().equals(List.of("Idempotency-Key"))) {
                wrong.add(c.operation() + ": " + refused.status() + " " + refused.body());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationThatTakesTheKeyIsTestedHere() {
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(api.get("/swagger/carespec-1.yml", null)
                .expect(200).body());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> takingTheKey = new TreeSet<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            Object parameters = operation instanceof Map<?, ?> m ? m.get("parameters") : null;
            if (parameters instanceof List<?> list && list.stream().anyMatch(p -> p instanceof Map<?, ?> pm
                    && "Idempotency-Key".equals(pm.get("name")))) {
                takingTheKey.add(method.toUpperCase() + " " + path);
            }
        }));
        Set<String> tested = new TreeSet<>(creations().stream().map(Creation::operation).toList());
        assertTrue(takingTheKey.size() >= 11, takingTheKey.toString());
        assertEquals(takingTheKey, tested);
        assertNotEquals(0, tested.size());
    }

    private ApiResponse send(String path, String token, Map<String, Object> body, String key) {
        return api.send("POST", path, token, body, Map.of("Idempotency-Key", key));
    }

    private String freshReferral() {
        return api.post("/api/v1/contracts/" + file.contract + "/referrals", practitioner, Map.of(
                "personId", file.carer, "receivedAt", "2026-06-01T09:00:00", "source", "GP")).expect(201).id();
    }

    private String acceptedReferral() {
        String id = freshReferral();
        for (String type : List.of("CONTACTED", "ASSESSED", "ACCEPTED")) {
            api.post("/api/v1/referrals/" + id + "/events", practitioner, Map.of("type", type,
                    "occurredAt", "2026-06-02T09:00:00")).expect(201);
        }
        return id;
    }
}
