package org.carespec.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carespec.platform.test.TestDatabase;

/** What the database spent its time on during a measured phase, from pg_stat_statements when it is loaded. */
final class Statements {

    private Statements() {
    }

    static void reset() {
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            System.out.println("pg_stat_statements is not available: " + e.getMessage());
        }
    }

    /** The statements that took the most time, with calls and time per request of the phase. */
    static void write(Path file, long requests) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("calls/request  ms/request  mean ms  statement");
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select calls, total_exec_time, mean_exec_time,"
                     + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                     + " where dbid = (select oid from pg_database where datname = current_database())"
                     + " order by total_exec_time desc limit 25")) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "%13.2f  %10.3f  %7.3f  %s", rs.getLong(1) / (double) requests,
                        rs.getDouble(2) / requests, rs.getDouble(3), abbreviate(rs.getString(4))));
            }
        } catch (SQLException e) {
            lines.add("pg_stat_statements is not available: " + e.getMessage());
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private static String abbreviate(String sql) {
        return sql.length() > 220 ? sql.substring(0, 220) + "…" : sql;
    }
}
