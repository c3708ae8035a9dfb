package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A quarter's return from draft to approval: narratives and adjustments while a draft, a frozen hashed snapshot on
 * submission that late data does not change, the commissioner's decision, a new version after it is sent back.
 */
@MicronautTest(transactional = false)
class ReturnLifecycleTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework work;
    String manager;
    String commissioner;
    String base;

    @BeforeAll
    void aQuarter() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
        manager = t.token(Role.PROVIDER_MANAGER);
        commissioner = t.token(Role.COMMISSIONER);
        String p = work.person("Cy", "Three", "1960-01-01", null);
        work.refer(p, "2026-04-14T10:00:00", "GP", null, null).expect(201);
        work.refer(p, "2026-05-14T10:00:00", "SELF", null, null).expect(201);
        base = "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1";
    }

    @Test
    void aReturnGoesFromDraftToApprovalKeepingEveryVersion() throws SQLException {
        // Draft: the manager writes the narrative and adjusts a figure, with the reason.
        api.post(base + "/narratives", manager, Map.of("code", "FX2", "text", "Two carers waited for respite."))
                .expect(200);
        JsonNode draft = api.post(base + "/adjustments", manager, Map.of("code", "FX1", "value", 3,
                "justification", "One referral was taken by phone and entered in July.")).expect(200).json();
        assertEquals("DRAFT", draft.path("status").asText());
        JsonNode fx1 = line(draft, "FX1");
        assertEquals(3, fx1.path("value").asInt());
        assertEquals(2, fx1.path("computedValue").asInt());
        assertTrue(fx1.path("adjustmentJustification").asText().contains("by phone"));
        assertEquals("Two carers waited for respite.", draft.path("narratives").get(0).path("text").asText());

        // Only the provider's manager writes and submits; codes must be the module's.
        assertEquals(403, api.post(base + "/submit", t.token(Role.PRACTITIONER), null).status());
        assertEquals(403, api.post(base + "/submit", commissioner, null).status());
        assertEquals(404, api.post(base + "/submit", t.otherProviderManager, null).status());
        assertEquals(List.of("code"), api.post(base + "/adjustments", manager, Map.of("code", "FX4", "value", 1,
                "justification", "x")).expect(400).problemFields(), "an annual figure is not in a quarter");
        assertEquals(List.of("code"), api.post(base + "/narratives", manager, Map.of("code", "ZZ9", "text", "x"))
                .expect(400).problemFields());
        assertEquals(List.of("justification"), api.post(base + "/adjustments", manager, Map.of("code", "FX1",
                "value", 9)).expect(400).problemFields());
        // The suite's day is 30 November 2026: October to December is running, January to March has not begun.
        assertEquals(409, api.post("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q3/submit", manager, null)
                .status(), "a quarter still running cannot be submitted");
        assertEquals(409, api.post("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q4/submit", manager, null)
                .status(), "nor one that has not begun");
        assertEquals(409, api.post("/api/v1/contracts/" + work.contract + "/returns/2026-27/submit", manager, null)
                .status(), "nor the year they belong to");
        assertEquals(409, api.post("/api/v1/contracts/" + work.contract + "/returns/2019-20-Q1/narratives", manager,
                Map.of("code", "FX2", "text", "x")).status(), "the contract did not run then");
        assertEquals(List.of("text"), api.post(base + "/narratives", manager, Map.of("code", "FX2",
                "text", "nul\u0000byte")).expect(400).problemFields());
        assertEquals(List.of("value"), api.post(base + "/adjustments", manager, Map.of("code", "FX1",
                "value", new java.math.BigDecimal("1e-20000"), "justification", "tiny")).expect(400).problemFields());

        // Submitted: frozen, hashed, late (due 14 July 2026).
        JsonNode submitted = api.post(base + "/submit", manager, null).expect(200).json();
        assertEquals("SUBMITTED", submitted.path("status").asText());
        assertEquals("SUBMITTED_LATE", submitted.path("timeliness").asText());
        JsonNode v1 = submitted.path("versions").get(0);
        assertEquals(1, v1.path("version").asInt());
        assertTrue(v1.path("snapshotHash").asText().matches("[0-9a-f]{64}"));
        assertTrue(v1.path("snapshotIntact").asBoolean());
        assertEquals(409, api.post(base + "/submit", manager, null).status());
        assertEquals(409, api.post(base + "/narratives", manager, Map.of("code", "FX2", "text", "Changed")).status());

        // Late data does not change the submitted figures.
        work.refer(work.person("Di", "Four", "1962-01-01", null), "2026-06-10T10:00:00", "GP", null, null)
                .expect(201);
        JsonNode still = api.get(base, commissioner).expect(200).json();
        assertEquals(1, cell(line(still, "FX1"), "GP"));
        assertEquals("Two carers waited for respite.", still.path("narratives").get(0).path("text").asText());

        // The commissioner sends it back with a comment; the next draft is live and shows what changed.
        assertEquals(403, api.post(base + "/approve", manager, null).status());
        assertEquals(List.of("comment"), api.post(base + "/send-back", commissioner, Map.of()).expect(400)
                .problemFields());
        JsonNode returned = api.post(base + "/send-back", commissioner, Map.of("comment",
                "Please explain the adjustment to FX1.")).expect(200).json();
        assertEquals("RETURNED", returned.path("status").asText());
        assertEquals("Please explain the adjustment to FX1.", returned.path("versions").get(0).path("comment")
                .asText());
        JsonNode next = line(returned, "FX1");
        assertEquals(2, cell(next, "GP"), "the draft of the next version has the late referral");
        assertEquals(3, next.path("previousValue").asInt());
        api.post(base + "/adjustments", manager, Map.of("code", "FX1", "value", 4,
                "justification", "Three on the system and one taken by phone.")).expect(200);

        // Resubmitted as version 2, then approved; every version is kept.
        api.post(base + "/submit", manager, null).expect(200);
        assertEquals(403, api.post(base + "/approve", t.otherProviderManager, null).status());
        JsonNode approved = api.post(base + "/approve", commissioner, null).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText());
        assertEquals(2, approved.path("versions").size());
        assertEquals("RETURNED", approved.path("versions").get(0).path("status").asText());
        assertEquals("APPROVED", approved.path("versions").get(1).path("status").asText());
        assertEquals(4, line(approved, "FX1").path("value").asInt());
        assertEquals(409, api.post(base + "/approve", commissioner, null).status());
        assertEquals(409, api.post(base + "/send-back", commissioner, Map.of("comment", "x")).status());
        try (Connection c = TestDatabase.applicationConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + t.id + "', false)");
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update return_version set status = 'RETURNED' where status = 'APPROVED'"));
            assertTrue(e.getMessage().contains("stays decided"), e.getMessage());
        }

        // A version cannot be changed by the application, and a change made behind its back shows.
        try (Connection c = TestDatabase.applicationConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + t.id + "', false)");
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update return_version set snapshot = '{}'::jsonb"));
            assertTrue(e.getMessage().contains("frozen"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from return_version"));
        }
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("alter table return_version disable trigger return_version_frozen");
            s.execute("select set_config('app.tenant_id', '" + t.id + "', false)");
            int forged = s.executeUpdate("update return_version set snapshot = jsonb_set(snapshot, '{period}', '\"forged\"')"
                    + " where tenant_id = '" + t.id + "' and version = 1");
            s.execute("alter table return_version enable trigger return_version_frozen");
            assertEquals(1, forged);
        }
        JsonNode after = api.get(base, commissioner).expect(200).json();
        assertFalse(after.path("versions").get(0).path("snapshotIntact").asBoolean());
        assertTrue(after.path("versions").get(1).path("snapshotIntact").asBoolean());
    }

    private static JsonNode line(JsonNode r, String code) {
        for (JsonNode line : r.path("lines")) {
            if (line.path("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code + " in " + r);
    }

    private static int cell(JsonNode line, String category) {
        for (JsonNode cell : line.path("breakdown")) {
            if (cell.path("category").asText().equals(category)) {
                return cell.path("value").asInt();
            }
        }
        return 0;
    }
}
