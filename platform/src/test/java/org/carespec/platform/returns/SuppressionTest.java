package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small-number suppression: off by default; when on, commissioners see "<5" for small cells, providers never. */
@MicronautTest(transactional = false)
class SuppressionTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework work;
    String path;

    @BeforeAll
    void sixFromGpsAndTwoSelfReferrals() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
        String p = work.person("Hal", "Eight", "1950-01-01", null);
        for (int i = 0; i < 8; i++) {
            work.refer(p, "2026-05-" + String.format("%02d", 4 + i) + "T10:00:00", i < 6 ? "GP" : "SELF", null, null)
                    .expect(201);
        }
        path = "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1";
    }

    @Test
    void smallCellsAreHiddenFromCommissionersOnlyWhenTheTenantAsks() {
        String admin = t.token(Role.TENANT_ADMIN);
        assertFalse(api.get("/api/v1/tenant-settings", admin).expect(200).json().path("suppressSmallNumbers")
                .asBoolean(), "off by default");
        assertEquals(2, cell(api.get(path, t.token(Role.COMMISSIONER)).json(), "SELF").path("value").asInt());

        api.patch("/api/v1/tenant-settings", admin, Map.of("suppressSmallNumbers", true)).expect(200);
        JsonNode seen = api.get(path, t.token(Role.COMMISSIONER)).expect(200).json();
        JsonNode self = cell(seen, "SELF");
        assertEquals("<5", self.path("suppressed").asText());
        assertTrue(self.path("value").isNull() || self.path("value").isMissingNode());
        assertEquals(6, cell(seen, "GP").path("value").asInt());
        assertEquals(8, line(seen).path("value").asInt(), "headline figures are not suppressed");
        assertEquals(2, cell(api.get(path, t.token(Role.PROVIDER_MANAGER)).json(), "SELF").path("value").asInt(),
                "the provider always sees its own numbers");
        String csv = api.get(path + "/export?format=csv", t.token(Role.COMMISSIONER)).expect(200).body();
        assertTrue(csv.contains("<5"), csv);
        assertFalse(csv.lines().anyMatch(l -> l.contains("SELF") && l.contains(",2,")), csv);

        api.patch("/api/v1/tenant-settings", admin, Map.of("suppressionThreshold", 10)).expect(200);
        assertEquals("<10", cell(api.get(path, t.token(Role.COMMISSIONER)).json(), "GP").path("suppressed").asText());

        assertEquals(403, api.patch("/api/v1/tenant-settings", t.token(Role.COMMISSIONER),
                Map.of("suppressSmallNumbers", false)).status());
        assertEquals(List.of("suppressionThreshold"), api.patch("/api/v1/tenant-settings", admin,
                Map.of("suppressionThreshold", 1)).expect(400).problemFields());
        assertFalse(api.get("/api/v1/tenant-settings", TestTenant.create(api).token(Role.TENANT_ADMIN)).json()
                .path("suppressSmallNumbers").asBoolean(), "another tenant's setting is its own");
    }

    private static JsonNode line(JsonNode r) {
        for (JsonNode l : r.path("lines")) {
            if (l.path("code").asText().equals("FX1")) {
                return l;
            }
        }
        throw new AssertionError("no FX1");
    }

    private static JsonNode cell(JsonNode r, String category) {
        for (JsonNode c : line(r).path("breakdown")) {
            if (c.path("category").asText().equals(category)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + category + " in " + r);
    }
}
