package org.carespec.platform.returns.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import org.carespec.platform.boot.DatabaseStartupException;

/**
 * A small pool of connections logged in as the reporting role, for modules' KPI queries and nothing else. It is
 * not a Micronaut data source, so no repository or transaction of the application can ever run on it. One
 * connection is tried at start-up, so a missing or mis-set reporting login stops the boot with its name rather
 * than failing the first return.
 */
@Context
public class ReportingConnections implements AutoCloseable {

    private final HikariDataSource pool;
    private final int size;

    public ReportingConnections(@Value("${datasources.default.url}") String url,
                                @Value("${carespec.database.reporting.username}") String user,
                                @Value("${carespec.database.reporting.password}") String password,
                                @Value("${carespec.reporting.pool-size:6}") int size) {
        this.size = size;
        HikariConfig config = new HikariConfig();
        config.setPoolName("carespec-reporting");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection()) {
            c.rollback();
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseStartupException("cannot log in as the reporting role '" + user + "': " + e.getMessage()
                    + ". Create it with deploy/db/create-roles.sql and set DATABASE_REPORTING_PASSWORD.", e);
        }
    }

    /** A connection whose transactions are read-only (the caller sets the isolation); close it to return it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** How many connections the pool holds at most. */
    public int size() {
        return size;
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }
}
