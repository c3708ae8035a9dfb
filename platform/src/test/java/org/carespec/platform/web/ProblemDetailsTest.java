package org.carespec.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, missing, mistyped, oversized and hostile input: each gets a 4xx problem+json naming the field, no
 * stack trace, no Java type name, and nothing half-written in the database.
 */
@MicronautTest(transactional = false)
class ProblemDetailsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String admin;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
        admin = t.token(Role.TENANT_ADMIN);
    }

    private static void assertProblem(ApiResponse response, int status, List<String> fields) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        assertEquals(status, response.json().path("status").asInt());
        assertTrue(response.json().path("type").asText().startsWith("https://carespec.org.uk/problems/"));
        assertFalse(response.json().path("requestId").asText().isEmpty());
        assertEquals(fields, response.problemFields(), response.body());
        assertFalse(response.body().contains("java.") || response.body().contains("org.carespec")
                || response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    @Test
    void jsonThatDoesNotParseNamesTheBody() {
        assertProblem(api.post("/api/v1/organisations", admin, "{\"name\": "), 400, List.of("(body)"));
        assertProblem(api.post("/api/v1/organisations", admin, "[1, 2]"), 400, List.of("(body)"));
        assertProblem(api.post("/api/v1/organisations", admin, null), 400, List.of("(body)"));
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefusedByName() {
        assertProblem(api.post("/api/v1/organisations", admin, "{\"name\":\"x\",\"kind\":\"PROVIDER\",\"colour\":1}"),
                400, List.of("colour"));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndWhatItShouldBe() {
        ApiResponse enumeration = api.post("/api/v1/organisations", admin, "{\"name\":\"x\",\"kind\":\"BANK\"}");
        assertProblem(enumeration, 400, List.of("kind"));
        assertTrue(enumeration.json().path("errors").get(0).path("detail").asText()
                .startsWith("must be one of: COMMISSIONER, PROVIDER"));
        ApiResponse date = api.post("/api/v1/contracts", admin, "{\"moduleId\":\"fixture\",\"startDate\":\"yesterday\"}");
        assertProblem(date, 400, List.of("startDate"));
        ApiResponse lots = api.post("/api/v1/contracts", admin, "{\"annualValuePence\":\"lots\"}");
        assertProblem(lots, 400, List.of("annualValuePence"));
        // three amounts in pence share a type: the position in the body says which one was wrong
        assertProblem(api.post("/api/v1/contracts", admin, "{\"annualValuePence\": 1,\n \"unitPricePence\": \"x\"}"),
                400, List.of("unitPricePence"));
    }

    @Test
    void missingAndBlankFieldsAreAllNamed() {
        assertProblem(api.post("/api/v1/organisations", admin, "{\"kind\":\"PROVIDER\"}"), 400, List.of("name"));
        assertProblem(api.post("/api/v1/organisations", admin, "{\"name\":\"  \"}"), 400, List.of("kind", "name"));
    }

    @Test
    void overlongAndMalformedCodesAreRefused() {
        assertProblem(api.post("/api/v1/organisations", admin,
                Map.of("name", "x".repeat(201), "kind", "PROVIDER")), 400, List.of("name"));
        assertProblem(api.post("/api/v1/organisations", admin,
                Map.of("name", "Trust", "kind", "PROVIDER", "odsCode", "'; drop table organisation; --")), 400,
                List.of("odsCode"));
    }

    @Test
    void anOversizedBodyIs413() {
        ApiResponse response = api.post("/api/v1/organisations", admin,
                "{\"name\":\"" + "x".repeat(2_000_000) + "\",\"kind\":\"PROVIDER\"}");
        assertProblem(response, 413, List.of("body"));
    }

    @Test
    void badIdsAndPagingParametersNameTheParameter() {
        assertProblem(api.get("/api/v1/organisations/not-a-uuid", admin), 400, List.of("id"));
        assertProblem(api.get("/api/v1/organisations?size=500", admin), 400, List.of("size"));
        assertProblem(api.get("/api/v1/organisations?size=abc", admin), 400, List.of("size"));
        assertProblem(api.get("/api/v1/organisations?page=-1", admin), 400, List.of("page"));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/v1/nothing-here", admin), 404, List.of());
        assertProblem(api.send("DELETE", "/api/v1/organisations", admin, null, Map.of()), 405, List.of());
        assertProblem(api.get("/api/v1/organisations/" + java.util.UUID.randomUUID(), admin), 404, List.of());
    }

    @Test
    void invalidContractSettingsNameEachSettingAndNothingIsSaved() {
        long before = api.get("/api/v1/contracts", admin).json().path("total").asLong();
        Map<String, Object> contract = new java.util.LinkedHashMap<>();
        contract.put("moduleId", "fixture");
        contract.put("reference", "R");
        contract.put("title", "T");
        contract.put("commissionerId", t.commissioner);
        contract.put("providerId", t.provider);
        contract.put("startDate", "2026-04-01");
        contract.put("endDate", "2027-03-31");
        contract.put("annualValuePence", 1);
        contract.put("basis", "BLOCK");
        contract.put("settings", Map.of("ageBand", Map.of("min", "eighteen"), "colour", "blue"));
        assertProblem(api.post("/api/v1/contracts", admin, contract), 400,
                List.of("settings.ageBand.min", "settings.colour"));
        assertEquals(before, api.get("/api/v1/contracts", admin).json().path("total").asLong());
    }
}
