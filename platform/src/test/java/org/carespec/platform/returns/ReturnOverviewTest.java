package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commissioner's overview of a period, a KPI's series over quarters, and a KPI compared across providers. */
@MicronautTest(transactional = false)
class ReturnOverviewTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework one;
    Casework two;

    @BeforeAll
    void twoProvidersOfOneModule() {
        api = new Api(server);
        t = TestTenant.create(api);
        one = Casework.practitioner(api, t, "fixture", Map.of());
        String p = one.person("Ed", "Five", "1955-01-01", null);
        one.refer(p, "2026-04-14T10:00:00", "GP", null, null).expect(201);
        one.refer(p, "2026-07-14T10:00:00", "GP", null, null).expect(201);
        one.refer(p, "2026-08-14T10:00:00", "SELF", null, null).expect(201);
        String otherContract = t.contract("fixture", t.otherProvider, Map.of());
        two = new Casework(api, t, otherContract, t.otherProviderPractitioner);
        two.refer(two.person("Flo", "Six", "1956-01-01", null), "2026-05-01T10:00:00", "GP", null, null).expect(201);
        api.post("/api/v1/contracts/" + one.contract + "/returns/2026-27-Q1/submit", t.token(Role.PROVIDER_MANAGER),
                null).expect(200);
    }

    @Test
    void theCommissionerSeesEveryContractItHoldsForThePeriod() {
        JsonNode items = api.get("/api/v1/returns?period=2026-27-Q1", t.token(Role.COMMISSIONER)).expect(200).json()
                .path("items");
        assertEquals(2, items.size());
        List<String> statuses = new ArrayList<>();
        items.forEach(i -> statuses.add(i.path("contractId").asText().equals(one.contract)
                ? "one:" + i.path("status").asText() : "two:" + i.path("status").asText()));
        assertEquals(List.of("one:SUBMITTED", "two:DRAFT"), statuses.stream().sorted().toList());
        for (JsonNode i : items) {
            assertEquals("2026-07-14", i.path("dueDate").asText());
            assertFalse(i.path("providerName").asText().isEmpty());
        }
        JsonNode own = api.get("/api/v1/returns?period=2026-27-Q1", t.token(Role.PROVIDER_MANAGER)).expect(200).json()
                .path("items");
        assertEquals(1, own.size(), "a provider's manager sees its own contract only");
        assertEquals(one.contract, own.get(0).path("contractId").asText());
        assertEquals(0, api.get("/api/v1/returns?period=2026-27-Q1", TestTenant.create(api).token(Role.COMMISSIONER))
                .expect(200).json().path("items").size(), "another tenant's commissioner sees none of them");
        assertEquals(List.of("period"), api.get("/api/v1/returns?period=2026-27-Q9", t.token(Role.COMMISSIONER))
                .expect(400).problemFields());
        assertEquals(403, api.get("/api/v1/returns?period=2026-27-Q1", t.token(Role.PRACTITIONER)).status());
    }

    @Test
    void aKpiSeriesUsesSubmittedSnapshotsAndLiveDrafts() {
        JsonNode series = api.get("/api/v1/contracts/" + one.contract + "/kpis/FX1/series?from=2026-27-Q1&to=2026-27-Q2",
                t.token(Role.COMMISSIONER)).expect(200).json();
        JsonNode points = series.path("points");
        assertEquals(2, points.size());
        assertEquals("2026-27-Q1", points.get(0).path("period").asText());
        assertEquals("SUBMITTED", points.get(0).path("status").asText());
        assertEquals(1, points.get(0).path("value").asInt());
        assertEquals("DRAFT", points.get(1).path("status").asText());
        assertEquals(2, points.get(1).path("value").asInt());
        assertEquals(404, api.get("/api/v1/contracts/" + one.contract + "/kpis/NOPE/series?from=2026-27-Q1&to=2026-27-Q2",
                t.token(Role.COMMISSIONER)).status());
        assertEquals(404, api.get("/api/v1/contracts/" + one.contract + "/kpis/FX1/series",
                t.otherProviderManager).status());
        assertEquals(400, api.get("/api/v1/contracts/" + one.contract + "/kpis/FX1/series?to=1900-01-Q1",
                t.token(Role.COMMISSIONER)).status(), "before the first year the platform counts");
        assertEquals(List.of("from"), api.get("/api/v1/contracts/" + one.contract
                + "/kpis/FX1/series?from=2026-27-Q3&to=2026-27-Q1", t.token(Role.COMMISSIONER)).expect(400)
                .problemFields());
    }

    @Test
    void aKpiIsComparedAcrossTheProvidersOfAModule() {
        JsonNode compared = api.get("/api/v1/modules/fixture/kpis/FX1/comparison?period=2026-27-Q1",
                t.token(Role.COMMISSIONER)).expect(200).json().path("contracts");
        assertEquals(2, compared.size());
        compared.forEach(c -> assertEquals(1, c.path("value").asInt()));
        JsonNode ownOnly = api.get("/api/v1/modules/fixture/kpis/FX1/comparison?period=2026-27-Q1",
                t.otherProviderManager).expect(200).json().path("contracts");
        assertEquals(1, ownOnly.size(), "a provider compares with nobody else's figures");
        assertEquals(two.contract, ownOnly.get(0).path("contractId").asText());
    }
}
