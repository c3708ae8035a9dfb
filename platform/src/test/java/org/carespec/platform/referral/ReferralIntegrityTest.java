package org.carespec.platform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * What the database itself guarantees of a referral, below the API (migration V15): its provider is its contract's
 * provider. Tried straight in the database, in the tenant's own session, so that only the constraint can stop it.
 */
@MicronautTest(transactional = false)
class ReferralIntegrityTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aReferralCannotNameAProviderOtherThanItsContracts() throws SQLException {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        Casework work = Casework.practitioner(api, t, "fixture", Map.of());
        String person = work.person("Rhys", "Evans", "1979-02-03", "HD1 2AB");
        String insert = "insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at,"
                + " received_on, source, status, priority, eligible) values (?::uuid, ?, ?::uuid, ?::uuid, ?::uuid,"
                + " now(), current_date, 'GP', 'RECEIVED', 'ROUTINE', true)";
        try (Connection c = TestDatabase.ownerConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            try (PreparedStatement tenant = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                tenant.setString(1, t.id);
                tenant.execute();
            }
            ps.setString(1, t.id);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, work.contract);
            ps.setString(4, t.otherProvider);
            ps.setString(5, person);
            SQLException refused = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("23503", refused.getSQLState(), refused.getMessage()); // foreign_key_violation

            ps.setObject(2, UUID.randomUUID());
            ps.setString(4, t.provider);
            assertEquals(1, ps.executeUpdate(), "the contract's own provider is accepted");
        }
    }

    @Test
    void theKeyAddedWithoutCheckingIsCheckedByTheNextMigration() throws SQLException {
        // V15 adds it NOT VALID so that a rolling deployment is not stopped; V16 must then have validated it.
        try (Connection c = TestDatabase.ownerConnection(); PreparedStatement ps = c.prepareStatement(
                "select convalidated from pg_constraint where conname = 'referral_contract_provider_fkey'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the key exists");
            assertTrue(rs.getBoolean(1), "the key is validated");
        }
    }
}
