package org.carespec.platform.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carespec.platform.boot.ApplicationRole;
import org.carespec.platform.boot.DatabaseStartupException;

/**
 * Puts the tenancy rules on every table of a schema, run as the owner after that schema's migrations:
 * <ul>
 *   <li>a table with a {@code tenant_id} column must have it first in its primary key, unique constraints and
 *       foreign keys (the Citus-ready shape), else the boot stops;</li>
 *   <li>it gets row-level security, enabled and forced, with the {@code tenant_isolation} policy;</li>
 *   <li>it gets the row audit trigger (bytea and {@code *_hash} columns left out of before/after), unless its
 *       comment marks it {@code carespec:not-audited} (derived or technical data), and the application role may
 *       select, insert, update and delete;</li>
 *   <li>a table without {@code tenant_id} is refused unless it is one of the platform's named global tables.</li>
 * </ul>
 * This is how plugins' tables are isolated and audited without a line of plugin code.
 */
final class TenantTableProtector {

    /** Global tables: each says in its table comment why it is global. */
    static final Set<String> GLOBAL_TABLES = Set.of("tenant", "user_account", "refresh_token", "web_session",
            "flyway_schema_history", "kpi_scope_key");
    /** The audit log: tenant-owned and isolated, but append-only for the application and not itself audited. */
    static final Map<String, String> AUDIT_GRANTS = Map.of(
            "audit_event", "select, insert",
            "audit_seal", "select, insert",
            "audit_unsealed", "select, insert, delete");

    private final Connection owner;
    private final String applicationRole;

    TenantTableProtector(Connection owner, String applicationRole) {
        this.owner = owner;
        this.applicationRole = ApplicationRole.quoteIdentifier(applicationRole);
    }

    /** @param who the platform or the plugin whose schema this is, for error messages */
    void protect(String schema, String who) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = owner.createStatement()) {
            s.execute("grant usage on schema " + ApplicationRole.quoteIdentifier(schema) + " to " + applicationRole);
            s.execute("grant usage on all sequences in schema " + ApplicationRole.quoteIdentifier(schema) + " to "
                    + applicationRole);
        }
        for (Map.Entry<String, List<String>> table : tables(schema).entrySet()) {
            String name = table.getKey();
            List<String> columns = table.getValue();
            boolean isPublic = "public".equals(schema);
            if (name.startsWith("flyway_history_") || (isPublic && GLOBAL_TABLES.contains(name))) {
                continue;
            }
            if (!columns.contains("tenant_id")) {
                problems.add(who + ": table " + schema + "." + name + " has no tenant_id column");
                continue;
            }
            problems.addAll(shapeProblems(schema, name, who));
            String qualified = ApplicationRole.quoteIdentifier(schema) + "." + ApplicationRole.quoteIdentifier(name);
            try (Statement s = owner.createStatement()) {
                s.execute("alter table " + qualified + " enable row level security");
                s.execute("alter table " + qualified + " force row level security");
                if (!hasPolicy(schema, name)) {
                    s.execute("create policy tenant_isolation on " + qualified
                            + " using (tenant_id = carespec_current_tenant())"
                            + " with check (tenant_id = carespec_current_tenant())");
                }
                if (isPublic && AUDIT_GRANTS.containsKey(name)) {
                    s.execute("grant " + AUDIT_GRANTS.get(name) + " on " + qualified + " to " + applicationRole);
                    continue;
                }
                s.execute("grant select, insert, update, delete on " + qualified + " to " + applicationRole);
            }
            if (notAudited(schema, name)) {
                continue;
            }
            attachAuditTrigger(schema, name, qualified);
        }
        if (!problems.isEmpty()) {
            throw new DatabaseStartupException("The tenancy rules are broken: " + String.join("; ", problems));
        }
    }

    private Map<String, List<String>> tables(String schema) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                select c.relname, a.attname
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
                order by c.relname, a.attnum""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    /** Primary key, unique constraints and foreign keys between tenant tables must lead with tenant_id. */
    private List<String> shapeProblems(String schema, String table, String who) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                select con.conname, con.contype,
                       (select a.attname from pg_attribute a
                        where a.attrelid = con.conrelid and a.attnum = con.conkey[1]) as first_column,
                       ref.relname as referenced_table, refns.nspname as referenced_schema,
                       (select a.attname from pg_attribute a
                        where a.attrelid = con.confrelid and a.attnum = con.confkey[1]) as referenced_first
                from pg_constraint con
                join pg_class c on c.oid = con.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_class ref on ref.oid = con.confrelid
                left join pg_namespace refns on refns.oid = ref.relnamespace
                where n.nspname = ? and c.relname = ? and con.contype in ('p', 'u', 'f')""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            boolean hasPrimaryKey = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("conname");
                    String type = rs.getString("contype");
                    String first = rs.getString("first_column");
                    if ("p".equals(type)) {
                        hasPrimaryKey = true;
                    }
                    if ("f".equals(type)) {
                        boolean referencesGlobal = "public".equals(rs.getString("referenced_schema"))
                                && GLOBAL_TABLES.contains(rs.getString("referenced_table"));
                        if (!referencesGlobal && !("tenant_id".equals(first)
                                && "tenant_id".equals(rs.getString("referenced_first")))) {
                            problems.add(who + ": foreign key " + name + " on " + schema + "." + table
                                    + " must lead with tenant_id on both sides");
                        }
                    } else if (!"tenant_id".equals(first)) {
                        problems.add(who + ": " + ("p".equals(type) ? "primary key " : "unique constraint ") + name
                                + " on " + schema + "." + table + " must lead with tenant_id");
                    }
                }
            }
            if (!hasPrimaryKey) {
                problems.add(who + ": table " + schema + "." + table + " has no primary key");
            }
        }
        return problems;
    }

    /** A table whose comment starts with {@code carespec:not-audited} holds derived or technical data only. */
    private boolean notAudited(String schema, String table) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("select obj_description(c.oid, 'pg_class') from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith("carespec:not-audited");
            }
        }
    }

    private boolean hasPolicy(String schema, String table) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement(
                "select 1 from pg_policies where schemaname = ? and tablename = ? and policyname = 'tenant_isolation'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void attachAuditTrigger(String schema, String table, String qualified) throws SQLException {
        List<String> excluded = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = ? and table_name = ?
                  and (data_type = 'bytea' or column_name like '%\\_hash')
                order by ordinal_position""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    excluded.add(rs.getString(1));
                }
            }
        }
        StringBuilder args = new StringBuilder("'tenant_id'");
        for (String column : excluded) {
            args.append(", ").append(ApplicationRole.quoteLiteral(column));
        }
        String wanted = "CREATE TRIGGER carespec_audit AFTER INSERT OR DELETE OR UPDATE ON " + qualified
                + " FOR EACH ROW EXECUTE FUNCTION carespec_audit_row(" + args + ")";
        String existing = null;
        try (PreparedStatement ps = owner.prepareStatement("""
                select pg_get_triggerdef(t.oid) from pg_trigger t
                join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and t.tgname = 'carespec_audit'""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getString(1);
                }
            }
        }
        if (existing != null && normalise(existing).equals(normalise(wanted))) {
            return;
        }
        try (Statement s = owner.createStatement()) {
            if (existing != null) {
                s.execute("drop trigger carespec_audit on " + qualified);
            }
            s.execute(wanted);
        }
    }

    private static String normalise(String triggerDefinition) {
        return triggerDefinition.replace("\"", "").replace("public.", "").replaceAll("\\s+", " ").toLowerCase();
    }
}
