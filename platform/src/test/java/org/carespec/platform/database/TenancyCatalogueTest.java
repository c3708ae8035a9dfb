package org.carespec.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's catalogue and fails on any table, platform's or plugin's, that breaks the tenancy rules of
 * docs/architecture.md: tenant_id leading every key, row-level security enabled and forced with a policy, and an
 * application role that owns nothing and cannot bypass any of it.
 */
@MicronautTest(transactional = false)
class TenancyCatalogueTest extends IntegrationTest {

    /** Every global table, each with its reason in a table comment. Anything else is tenant-owned. */
    static final Set<String> GLOBAL = Set.of("public.tenant", "public.user_account", "public.refresh_token",
            "public.web_session", "public.flyway_schema_history", "public.kpi_scope_key");

    @Test
    void everyTenantOwnedTableLeadsItsPrimaryKeyUniqueConstraintsAndForeignKeysWithTenantId() throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select n.nspname || '.' || c.relname as tbl, con.conname, con.contype,
                            (select a.attname from pg_attribute a where a.attrelid = con.conrelid
                                and a.attnum = con.conkey[1]) as first_col,
                            refn.nspname || '.' || ref.relname as ref_tbl,
                            (select a.attname from pg_attribute a where a.attrelid = con.confrelid
                                and a.attnum = con.confkey[1]) as ref_first
                     from pg_constraint con
                     join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
                     left join pg_class ref on ref.oid = con.confrelid
                     left join pg_namespace refn on refn.oid = ref.relnamespace
                     where con.contype in ('p', 'u', 'f')
                       and n.nspname not in ('pg_catalog', 'information_schema')
                       and c.relname not like 'flyway_%'""")) {
            while (rs.next()) {
                String table = rs.getString("tbl");
                if (GLOBAL.contains(table)) {
                    continue;
                }
                String type = rs.getString("contype");
                if ("f".equals(type)) {
                    if (GLOBAL.contains(rs.getString("ref_tbl"))) {
                        continue; // a reference to a global table is a reference-table join under Citus
                    }
                    if (!"tenant_id".equals(rs.getString("first_col")) || !"tenant_id".equals(rs.getString("ref_first"))) {
                        broken.add(table + " foreign key " + rs.getString("conname"));
                    }
                } else if (!"tenant_id".equals(rs.getString("first_col"))) {
                    broken.add(table + " key " + rs.getString("conname"));
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyTenantOwnedTableHasForcedRowLevelSecurityAndATenantPolicy() throws SQLException {
        List<String> broken = new ArrayList<>();
        int tenantTables = 0;
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select n.nspname || '.' || c.relname as tbl, c.relrowsecurity, c.relforcerowsecurity,
                            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                    and not a.attisdropped) as has_tenant,
                            exists (select 1 from pg_policies p where p.schemaname = n.nspname
                                    and p.tablename = c.relname and p.policyname = 'tenant_isolation') as has_policy
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                       and n.nspname not like 'pg_toast%' and c.relname not like 'flyway_%'""")) {
            while (rs.next()) {
                String table = rs.getString("tbl");
                if (GLOBAL.contains(table)) {
                    continue;
                }
                tenantTables++;
                if (!rs.getBoolean("has_tenant")) {
                    broken.add(table + " has no tenant_id");
                }
                if (!rs.getBoolean("relrowsecurity") || !rs.getBoolean("relforcerowsecurity")) {
                    broken.add(table + " does not force row-level security");
                }
                if (!rs.getBoolean("has_policy")) {
                    broken.add(table + " has no tenant_isolation policy");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(tenantTables >= 7, "expected the platform's and the fixture plugin's tables, found " + tenantTables);
    }

    @Test
    void globalTablesAreFewAndSayWhyTheyAreGlobal() throws SQLException {
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select c.relname, obj_description(c.oid, 'pg_class') as why
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relname in ('tenant', 'user_account', 'refresh_token', 'web_session')""")) {
            int found = 0;
            while (rs.next()) {
                found++;
                assertTrue(rs.getString("why") != null && rs.getString("why").startsWith("global:"),
                        rs.getString("relname") + " must explain why it is global");
            }
            assertEquals(4, found);
        }
    }

    @Test
    void theApplicationRoleOwnsNothingIsNoSuperuserAndCannotBypassRowLevelSecurity() throws SQLException {
        String role = TestDatabase.get().application().user();
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles"
                    + " where rolname = '" + role + "'")) {
                assertTrue(rs.next());
                assertFalse(rs.getBoolean("rolsuper"));
                assertFalse(rs.getBoolean("rolbypassrls"));
                assertFalse(rs.getBoolean("rolcreaterole"));
                assertFalse(rs.getBoolean("rolcreatedb"));
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                    + " where r.rolname = '" + role + "'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the application role owns relations");
            }
        }
    }

    @Test
    void theReportingLoginIsNobodysMemberOwnsNothingAndReadsOnlyTheReportingViews() throws SQLException {
        String application = TestDatabase.get().application().user();
        String reporting = TestDatabase.get().reporting().user();
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb"
                    + " from pg_roles where rolname = '" + reporting + "'")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean("rolcanlogin"));
                assertFalse(rs.getBoolean("rolsuper"));
                assertFalse(rs.getBoolean("rolbypassrls"));
                assertFalse(rs.getBoolean("rolcreaterole"));
                assertFalse(rs.getBoolean("rolcreatedb"));
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_auth_members m join pg_roles a on a.oid = m.member"
                    + " join pg_roles r on r.oid = m.roleid where a.rolname in ('" + reporting + "', '" + application
                    + "') and r.rolname in ('" + reporting + "', '" + application + "')")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the application and reporting roles may not be members of each other");
            }
            try (ResultSet rs = s.executeQuery("select table_schema || '.' || table_name from"
                    + " information_schema.role_table_grants where grantee = '" + reporting + "'"
                    + " and table_schema <> 'reporting'")) {
                List<String> outside = new ArrayList<>();
                while (rs.next()) {
                    outside.add(rs.getString(1));
                }
                assertEquals(List.of(), outside, "the reporting role holds grants outside the reporting views");
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.role_table_grants"
                    + " where grantee = '" + reporting + "' and privilege_type <> 'SELECT'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the reporting role may only select");
            }
        }
    }
}
