package org.carespec.platform.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes sure the application role and its reporting role exist with the right attributes: both can log in, own
 * nothing, are no superuser and cannot bypass row-level security, and neither is a member of the other. Run as the
 * owner (or a superuser) before the platform starts.
 */
public final class ApplicationRole {

    private ApplicationRole() {
    }

    static void ensure(String jdbcUrl, Credentials admin, Credentials application, Credentials reporting,
                       boolean setPassword) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password())) {
            ensure(c, application, setPassword);
            ensure(c, reporting, setPassword);
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot prepare the application role '" + application.user()
                    + "' as '" + admin.user() + "': " + e.getMessage()
                    + ". Create it yourself (deploy/db/create-roles.sql) and set DATABASE_APP_USER and"
                    + " DATABASE_APP_PASSWORD.", e);
        }
    }

    static void ensure(Connection c, Credentials application, boolean setPassword) throws SQLException {
        String role = quoteIdentifier(application.user());
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, application.user());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement s = c.createStatement()) {
            String password = quoteLiteral(application.password());
            if (!exists) {
                s.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole noinherit nobypassrls"
                        + " password " + password);
            } else if (setPassword || !canLogin(c, application.user())) {
                s.execute("alter role " + role + " login nosuperuser nobypassrls password " + password);
            }
            String database = c.getCatalog();
            s.execute("grant connect on database " + quoteIdentifier(database) + " to " + role);
        }
    }

    private static boolean canLogin(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select rolcanlogin from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
