package org.carespec.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's own wall, without the application in front: a raw session as the application role sees no tenant
 * row until a tenant is set, and then only that tenant's rows, in every tenant-owned table.
 */
@MicronautTest(transactional = false)
class RawSessionIsolationTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    TestTenant a;
    TestTenant b;

    @BeforeAll
    void twoTenantsWithData() throws SQLException {
        Api api = new Api(server);
        a = TestTenant.create(api);
        b = TestTenant.create(api);
        a.contract("fixture", Map.of());
        b.contract("fixture", Map.of());
        try (Connection c = TestDatabase.applicationConnection()) {
            for (TestTenant t : List.of(a, b)) {
                set(c, t.id);
                try (Statement s = c.createStatement()) {
                    s.execute("insert into fixture.fixture_note (tenant_id, id, text) values ('" + t.id
                            + "', gen_random_uuid(), 'a plugin row')");
                }
            }
        }
    }

    @Test
    void withNoTenantSetTheApplicationRoleSeesNoRowOfAnyTenantTable() throws SQLException {
        try (Connection c = TestDatabase.applicationConnection()) {
            for (String table : tenantTables()) {
                assertEquals(0, count(c, "select count(*) from " + table), table + " leaked rows without a tenant");
            }
            assertEquals(0, count(c, "select count(*) from tenant"), "tenant rows leaked without a tenant");
            assertEquals(0, count(c, "select count(*) from user_account"), "accounts leaked without a tenant");
        }
    }

    @Test
    void withTenantASetTheApplicationRoleSeesNoRowOfTenantB() throws SQLException {
        int tablesWithRowsOfA = 0;
        try (Connection c = TestDatabase.applicationConnection()) {
            set(c, a.id);
            for (String table : tenantTables()) {
                assertEquals(0, count(c, "select count(*) from " + table + " where tenant_id = '" + b.id + "'"),
                        table + " shows tenant B's rows to tenant A");
                if (count(c, "select count(*) from " + table + " where tenant_id = '" + a.id + "'") > 0) {
                    tablesWithRowsOfA++;
                }
            }
            assertEquals(1, count(c, "select count(*) from tenant"), "tenant A sees only its own tenant row");
            assertEquals(0, count(c, "select count(*) from user_account u where u.email like '%@" + b.slug + ".test'"));
            assertTrue(count(c, "select count(*) from user_account u where u.email like '%@" + a.slug + ".test'") > 0);
        }
        assertTrue(tablesWithRowsOfA >= 6, "the test must look at tables that hold tenant A's rows");
    }

    @Test
    void tenantACannotWriteARowForTenantB() throws SQLException {
        try (Connection c = TestDatabase.applicationConnection()) {
            set(c, a.id);
            try (Statement s = c.createStatement()) {
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("insert into fixture.fixture_note (tenant_id, id, text) values ('" + b.id
                                + "', gen_random_uuid(), 'smuggled')"));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
                assertEquals(0, s.executeUpdate("update organisation set name = 'hijacked' where tenant_id = '"
                        + b.id + "'"));
            }
        }
    }

    private static void set(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    /**
     * The tables with a tenant_id that row-level security guards: all but the two looked up by a token's hash before
     * any tenant is known (refresh tokens and browser sessions, both global tables holding hashes only).
     */
    private static List<String> tenantTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                     where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
                       and c.relname not in ('refresh_token', 'web_session') order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
