package org.carespec.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A contract enables a module for a provider; its settings follow the module's schema with defaults filled in. */
@MicronautTest(transactional = false)
class ContractTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    @Test
    void aContractKeepsItsHeaderAndTheModulesDefaultsFillItsSettings() {
        String id = t.contract("fixture", Map.of("ageBand", Map.of("max", 70)));
        JsonNode contract = api.get("/api/v1/contracts/" + id, t.token(Role.PRACTITIONER)).expect(200).json();
        assertEquals("fixture", contract.path("moduleId").asText());
        assertEquals(14_044_772L, contract.path("annualValuePence").asLong());
        assertEquals("[2,4]", contract.path("outcomeDomains").toString());
        assertEquals(18, contract.path("settings").path("ageBand").path("min").asInt(), "default filled in");
        assertEquals(70, contract.path("settings").path("ageBand").path("max").asInt(), "given value kept");
        assertEquals(10, contract.path("settings").path("returnDueWorkingDays").asInt());
    }

    @Test
    void changingAContractRevalidatesItsSettings() {
        String id = t.contract("fixture", Map.of());
        JsonNode changed = api.patch("/api/v1/contracts/" + id, t.token(Role.TENANT_ADMIN),
                Map.of("settings", Map.of("returnDueWorkingDays", 15), "reviewDate", "2027-10-01")).expect(200).json();
        assertEquals(15, changed.path("settings").path("returnDueWorkingDays").asInt());
        assertEquals("Everywhere", changed.path("settings").path("area").asText());
        assertEquals("2027-10-01", changed.path("reviewDate").asText());
        ApiResponse refused = api.patch("/api/v1/contracts/" + id, t.token(Role.TENANT_ADMIN),
                Map.of("settings", Map.of("returnDueWorkingDays", 0)));
        assertEquals(400, refused.status());
        assertEquals(List.of("settings.returnDueWorkingDays"), refused.problemFields());
    }

    @Test
    void theCommissionerMustCommissionTheProviderMustProvideAndTheModuleMustExist() {
        Map<String, Object> body = base();
        body.put("moduleId", "no-such-module");
        body.put("commissionerId", t.provider);
        body.put("providerId", t.commissioner);
        ApiResponse refused = api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body);
        assertEquals(400, refused.status());
        assertEquals(List.of("commissionerId", "moduleId", "providerId"), refused.problemFields().stream().sorted().toList());
    }

    @Test
    void aContractCannotEndBeforeItStartsOrBeReviewedOutsideItsPeriod() {
        Map<String, Object> body = base();
        body.put("endDate", "2025-01-01");
        assertEquals(List.of("endDate"), api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body).problemFields());
        body = base();
        body.put("reviewDate", "2030-01-01");
        assertEquals(List.of("reviewDate"), api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body)
                .problemFields());
        body = base();
        body.put("outcomeDomains", List.of(0, 6));
        ApiResponse domains = api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body);
        assertEquals(400, domains.status());
        domains.problemFields().forEach(f -> assertEquals(true, f.startsWith("outcomeDomains"), f));
    }

    private Map<String, Object> base() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("moduleId", "fixture");
        body.put("reference", "R");
        body.put("title", "T");
        body.put("commissionerId", t.commissioner);
        body.put("providerId", t.provider);
        body.put("startDate", "2026-04-01");
        body.put("endDate", "2027-03-31");
        body.put("annualValuePence", 1);
        body.put("basis", "BLOCK");
        return body;
    }
}
