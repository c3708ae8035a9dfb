package org.carespec.platform.test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is really stored: every row of every table, each column decoded (text as text, {@code bytea} as the bytes it
 * holds, not their hex), searched for text that must never be stored as written.
 *
 * <p>Row-level security is forced on every tenant table, even for the owner who runs migrations, so a plain
 * {@code select} as the owner sees no tenant's rows. The scan therefore reads as the owner tenant by tenant, with
 * the tenant set as the application sets it, and tables without a {@code tenant_id} once as an operator; it works
 * the same against the embedded server, Testcontainers and {@code DATABASE_URL}, none of which gives tests a
 * superuser.
 */
public final class RawDatabase {

    /** A needle found in a stored value. */
    public record Finding(String table, String column, String needle) {
        @Override
        public String toString() {
            return table + "." + column + " holds \"" + needle + "\"";
        }
    }

    /** What a scan read (rows per table) and what it found. */
    public record Scan(Map<String, Long> rowsByTable, List<Finding> findings) {

        public long rows(String table) {
            return rowsByTable.getOrDefault(table, 0L);
        }

        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        public List<Finding> of(String needle) {
            return findings.stream().filter(f -> f.needle().equals(needle)).toList();
        }
    }

    private RawDatabase() {
    }

    /** Reads every row of every table of every tenant and reports each column that holds one of the needles. */
    public static Scan search(Collection<String> needles) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        try (Connection c = TestDatabase.ownerConnection()) {
            Map<String, Boolean> tables = tables(c);
            setting(c, "app.operator", "true");
            List<String> tenants = strings(c, "select id::text from tenant");
            for (Map.Entry<String, Boolean> table : tables.entrySet()) {
                if (!table.getValue()) {
                    read(c, table.getKey(), needles, rows, findings);
                }
            }
            setting(c, "app.operator", "");
            for (String tenant : tenants) {
                setting(c, "app.tenant_id", tenant);
                for (Map.Entry<String, Boolean> table : tables.entrySet()) {
                    if (table.getValue()) {
                        read(c, table.getKey(), needles, rows, findings);
                    }
                }
            }
            setting(c, "app.tenant_id", "");
        }
        return new Scan(rows, findings.stream().distinct().toList());
    }

    /**
     * A digest of every row one tenant holds, table by table ({@code md5} of the rows as text, in order): two equal
     * fingerprints mean nothing of the tenant was written, changed or removed in between.
     */
    public static Map<String, String> fingerprint(String tenant) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = TestDatabase.ownerConnection()) {
            setting(c, "app.tenant_id", tenant);
            for (Map.Entry<String, Boolean> table : tables(c).entrySet()) {
                if (table.getValue()) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) || ' '"
                            + " || coalesce(md5(string_agg(r::text, ',' order by r::text)), '') from "
                            + table.getKey() + " r")) {
                        rs.next();
                        digests.put(table.getKey(), rs.getString(1));
                    }
                }
            }
            setting(c, "app.tenant_id", "");
        }
        return digests;
    }

    private static void read(Connection c, String table, Collection<String> needles, Map<String, Long> rows,
                             List<Finding> findings) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            long count = 0;
            while (rs.next()) {
                count++;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    boolean binary = meta.getColumnType(i) == Types.BINARY || meta.getColumnType(i) == Types.VARBINARY;
                    byte[] bytes = binary ? rs.getBytes(i) : null;
                    String text = binary ? null : rs.getString(i);
                    for (String needle : needles) {
                        if (binary ? contains(bytes, needle.getBytes(StandardCharsets.UTF_8))
                                : text != null && text.contains(needle)) {
                            findings.add(new Finding(table, meta.getColumnName(i), needle));
                        }
                    }
                }
            }
            rows.merge(table, count, Long::sum);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Every base table outside PostgreSQL's own schemas, and whether it belongs to tenants. */
    private static Map<String, Boolean> tables(Connection c) throws SQLException {
        Map<String, Boolean> tables = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select quote_ident(t.table_schema) || '.' || quote_ident(t.table_name),
                       exists (select 1 from information_schema.columns k where k.table_schema = t.table_schema
                               and k.table_name = t.table_name and k.column_name = 'tenant_id')
                from information_schema.tables t
                where t.table_type = 'BASE TABLE' and t.table_schema not in ('pg_catalog', 'information_schema')""")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return tables;
    }

    private static void setting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select set_config(?, ?, false)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.execute();
        }
    }

    private static List<String> strings(Connection c, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
