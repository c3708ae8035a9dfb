package org.carespec.platform.audit;

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
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every write leaves an audit event in its own transaction; the log is append-only and its chain shows tampering. */
@MicronautTest(transactional = false)
class AuditTrailTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    AuditLog auditLog;
    @Inject
    CallerContext callers;

    Api api;
    TestTenant t;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    @Test
    void aWriteThroughTheApiLeavesAnEventWithActorOrganisationRequestAndBeforeAndAfter() {
        String contract = t.contract("fixture", Map.of());
        ApiResponse patched = api.patch("/api/v1/contracts/" + contract, t.token(Role.TENANT_ADMIN),
                Map.of("title", "Renamed contract")).expect(200);
        JsonNode event = api.get("/api/v1/audit/events?entity=contract&entityId=" + contract,
                t.token(Role.TENANT_ADMIN)).expect(200).json().path("items").get(0);
        assertEquals("update", event.path("action").asText());
        assertEquals("Test contract", event.path("before").path("title").asText());
        assertEquals("Renamed contract", event.path("after").path("title").asText());
        assertEquals(t.userIds.get(Role.TENANT_ADMIN), event.path("actor").asText());
        assertEquals(t.commissioner, event.path("actorOrganisationId").asText());
        assertEquals(patched.headers().get("x-request-id"), event.path("requestId").asText());
    }

    @Test
    void secretsNeverReachTheAuditLog() {
        JsonNode events = api.get("/api/v1/audit/events?entity=user_account&size=200", t.token(Role.TENANT_ADMIN))
                .expect(200).json().path("items");
        assertTrue(events.size() >= 4);
        events.forEach(e -> assertTrue(e.path("after").path("password_hash").isMissingNode(), e.toString()));
    }

    @Test
    void aPluginsOwnTableIsAuditedWithoutAnyPluginCode() throws SQLException {
        String note = UUID.randomUUID().toString();
        try (Connection c = TestDatabase.applicationConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + t.id + "', false), set_config('app.actor', 'test', false)");
            s.execute("insert into fixture.fixture_note (tenant_id, id, text) values ('" + t.id + "', '" + note
                    + "', 'written by the plugin')");
        }
        JsonNode event = api.get("/api/v1/audit/events?entity=fixture.fixture_note&entityId=" + note,
                t.token(Role.TENANT_ADMIN)).expect(200).json().path("items").get(0);
        assertEquals("insert", event.path("action").asText());
        assertEquals("test", event.path("actor").asText());
        // A module's own table is case work: the administrator sees that it was written, and which fields.
        assertTrue(event.path("after").isMissingNode(), event.toString());
        assertTrue(event.path("changedFields").toString().contains("\"text\""), event.toString());
    }

    @Test
    void aReadOfAPersonsRecordCanBeAudited() {
        UUID person = UUID.randomUUID();
        Caller practitioner = new Caller(t.userIds.get(Role.PRACTITIONER), UUID.fromString(t.userIds.get(Role.PRACTITIONER)),
                UUID.fromString(t.id), UUID.fromString(t.provider), Set.of(Role.PRACTITIONER), "read-test");
        callers.runAs(practitioner, () -> auditLog.recordRead("person", person));
        JsonNode event = api.get("/api/v1/audit/events?entity=person&entityId=" + person, t.token(Role.TENANT_ADMIN))
                .expect(200).json().path("items").get(0);
        assertEquals("read", event.path("action").asText());
        assertEquals(t.userIds.get(Role.PRACTITIONER), event.path("actor").asText());
        assertEquals("read-test", event.path("requestId").asText());
    }

    /** Issue 17, finding 1: the trail is not a second copy of the case record for those who may not read it. */
    @Test
    void anAdministratorSeesWhoDidWhatToAPersonsRecordButNotTheRecordAndEveryReadOfTheTrailIsRecorded() {
        String practitioner = t.token(Role.PRACTITIONER);
        String id = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Vera", "familyName", "Secret",
                "nhsNumber", "9434765919", "address", "1 Hidden Lane")).expect(201).id();
        assertEquals(403, api.get("/api/v1/persons/" + id, t.token(Role.TENANT_ADMIN)).status());

        ApiResponse asAdmin = api.get("/api/v1/audit/events?entity=person&entityId=" + id,
                t.token(Role.TENANT_ADMIN)).expect(200);
        JsonNode insert = asAdmin.json().path("items").get(0);
        assertEquals("insert", insert.path("action").asText());
        assertEquals(t.userIds.get(Role.PRACTITIONER), insert.path("actor").asText());
        assertTrue(insert.path("changedFields").toString().contains("nhs_number"), insert.toString());
        for (String secret : List.of("Vera", "Secret", "9434765919", "Hidden Lane")) {
            assertFalse(asAdmin.body().contains(secret), secret + " in " + asAdmin.body());
        }

        ApiResponse asManager = api.get("/api/v1/audit/events?entity=person&entityId=" + id,
                t.token(Role.PROVIDER_MANAGER)).expect(200);
        assertEquals("Vera", asManager.json().path("items").get(0).path("after").path("given_name").asText(),
                "the provider's manager sees its own staff's work in full");
        assertEquals(0, api.get("/api/v1/audit/events?entity=person&entityId=" + id, t.otherProviderManager)
                .expect(200).json().path("total").asInt(), "another provider's manager sees none of it");
        assertEquals(403, api.get("/api/v1/audit/events", t.token(Role.COMMISSIONER)).status());
        assertEquals(403, api.get("/api/v1/audit/events", practitioner).status());

        JsonNode reads = api.get("/api/v1/audit/events?entity=audit_event&size=200", t.token(Role.TENANT_ADMIN))
                .expect(200).json().path("items");
        long readsOfThisPerson = 0;
        for (JsonNode r : reads) {
            if (r.path("action").asText().equals("read") && id.equals(r.path("after").path("entityId").asText())) {
                readsOfThisPerson++;
            }
        }
        assertEquals(3, readsOfThisPerson, "the administrator's, the manager's and the other manager's reads");
    }

    @Test
    void theApplicationMayNeitherChangeNorDeleteAuditEvents() throws SQLException {
        try (Connection c = TestDatabase.applicationConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + t.id + "', false)");
            assertTrue(assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_event set actor = 'someone else'")).getMessage()
                    .contains("permission denied"));
            assertTrue(assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_event")).getMessage()
                    .contains("permission denied"));
            assertTrue(assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_seal")).getMessage()
                    .contains("permission denied"));
        }
    }

    @Test
    void anUntouchedChainVerifiesIntact() {
        JsonNode verification = api.get("/api/v1/audit/verify", t.token(Role.TENANT_ADMIN)).expect(200).json();
        assertTrue(verification.path("intact").asBoolean(), verification.toString());
        assertTrue(verification.path("chainLength").asLong() > 10);
        assertEquals(verification.path("chainLength").asLong(), verification.path("eventsChecked").asLong());
    }

    /** Each column an event's digest must cover, changed by the database owner behind the application's back. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "actor = 'nobody'",
            "actor_org_id = gen_random_uuid()",
            "action = 'read'",
            "entity = 'someone_else'",
            "entity_id = 'another-row'",
            "before = jsonb_build_object('forged', true)",
            "after = coalesce(after, '{}'::jsonb) || jsonb_build_object('forged', true)",
            "request_id = 'another-request'",
            "occurred_at = occurred_at - interval '1 microsecond'"})
    void anEventAlteredByTheDatabaseOwnerIsFound(String change) throws SQLException {
        TestTenant victim = TestTenant.create(api);
        long event = sealedEvent(victim, 5);
        asOwner(victim, "alter table audit_event disable trigger audit_event_append_only",
                "update audit_event set " + change + " where id = " + event,
                "alter table audit_event enable trigger audit_event_append_only");
        JsonNode problem = verify(victim);
        assertEquals("ALTERED", problem.path("kind").asText());
        assertEquals(event, problem.path("eventId").asLong());
    }

    @Test
    void anEventRemovedByTheDatabaseOwnerIsFound() throws SQLException {
        TestTenant victim = TestTenant.create(api);
        long event = sealedEvent(victim, 5);
        asOwner(victim, "alter table audit_event disable trigger audit_event_append_only",
                "delete from audit_event where id = " + event,
                "alter table audit_event enable trigger audit_event_append_only");
        JsonNode problem = verify(victim);
        assertEquals("REMOVED", problem.path("kind").asText());
        assertEquals(event, problem.path("eventId").asLong());
    }

    @Test
    void aRemovedSealIsFound() throws SQLException {
        TestTenant victim = TestTenant.create(api);
        sealedEvent(victim, 5);
        asOwner(victim, "alter table audit_seal disable trigger audit_seal_append_only",
                "delete from audit_seal where seq = 5",
                "alter table audit_seal enable trigger audit_seal_append_only");
        JsonNode problem = verify(victim);
        assertEquals("REMOVED", problem.path("kind").asText());
        assertEquals(5, problem.path("seq").asLong());
    }

    @Test
    void eventsReorderedByTheDatabaseOwnerAreFound() throws SQLException {
        TestTenant victim = TestTenant.create(api);
        sealedEvent(victim, 4);
        asOwner(victim, "alter table audit_seal disable trigger audit_seal_append_only",
                "update audit_seal set seq = -1 where seq = 3",
                "update audit_seal set seq = 3 where seq = 4",
                "update audit_seal set seq = 4 where seq = -1",
                "alter table audit_seal enable trigger audit_seal_append_only");
        JsonNode problem = verify(victim);
        assertEquals("REORDERED", problem.path("kind").asText());
        assertEquals(3, problem.path("seq").asLong());
    }

    @Test
    void anEventSlippedInWithoutTheChainIsFound() throws SQLException {
        TestTenant victim = TestTenant.create(api);
        sealedEvent(victim, 1);
        asOwner(victim, "alter table audit_event disable trigger audit_event_queue",
                "insert into audit_event (tenant_id, action, entity) values ('" + victim.id + "', 'insert', 'forged')",
                "alter table audit_event enable trigger audit_event_queue");
        assertEquals("UNSEALED", verify(victim).path("kind").asText());
    }

    /** Seals the tenant's chain and returns the id of the event at the given position. */
    private long sealedEvent(TestTenant tenant, int seq) throws SQLException {
        assertTrue(api.get("/api/v1/audit/verify", tenant.token(Role.TENANT_ADMIN)).expect(200).json()
                .path("intact").asBoolean());
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenant.id + "', false)");
            var rs = s.executeQuery("select event_id from audit_seal where seq = " + seq);
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private JsonNode verify(TestTenant tenant) {
        JsonNode verification = api.get("/api/v1/audit/verify", tenant.token(Role.TENANT_ADMIN)).expect(200).json();
        assertEquals(false, verification.path("intact").asBoolean(), verification.toString());
        return verification.path("firstProblem");
    }

    /** The database owner, who can do anything to the tables, tampers with one tenant's rows. */
    private static void asOwner(TestTenant tenant, String... statements) throws SQLException {
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenant.id + "', false)");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
