package org.carespec.platform.tenancy;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.data.connection.support.ConnectionCustomizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the PostgreSQL session for the current {@link Caller} on every connection Micronaut Data takes from the
 * pool (repositories and transactions alike), and clears it when the connection goes back. Row-level security
 * reads {@code app.tenant_id}; the audit trigger reads the actor, organisation and request id. A connection
 * with no caller has no tenant and sees no tenant row.
 *
 * <p>{@code SET LOCAL} cannot be used: the customizer runs before the transaction begins (STACK-NOTES).
 */
@Context
public class RowSecuritySession implements ConnectionCustomizer<Connection> {

    private static final Logger LOG = LoggerFactory.getLogger(RowSecuritySession.class);
    private static final String SET = "select set_config('app.tenant_id', ?, false), set_config('app.actor', ?, false),"
            + " set_config('app.org_id', ?, false), set_config('app.request_id', ?, false),"
            + " set_config('app.operator', ?, false)";

    private final CallerContext callers;

    public RowSecuritySession(ConnectionOperations<Connection> connections, CallerContext callers) {
        this.callers = callers;
        if (!(connections instanceof AbstractConnectionOperations<Connection> operations)) {
            throw new IllegalStateException("cannot install row-level security on " + connections.getClass());
        }
        operations.addConnectionCustomizer(this);
    }

    @Override
    public <R> Function<ConnectionStatus<Connection>, R> intercept(Function<ConnectionStatus<Connection>, R> operation) {
        return status -> {
            // Only a connection just taken from the pool is set up; nested operations reuse it as it is.
            if (status.isNew()) {
                Connection connection = status.getConnection();
                apply(connection, callers.current());
                status.registerSynchronization(new ConnectionSynchronization() {
                    @Override
                    public void beforeClosed() {
                        clear(connection);
                    }
                });
            }
            return operation.apply(status);
        };
    }

    private static void apply(Connection connection, Optional<Caller> caller) {
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, caller.map(c -> c.tenantId() == null ? "" : c.tenantId().toString()).orElse(""));
            ps.setString(2, caller.map(Caller::actor).orElse(""));
            ps.setString(3, caller.map(c -> c.organisationId() == null ? "" : c.organisationId().toString()).orElse(""));
            ps.setString(4, caller.map(c -> c.requestId() == null ? "" : c.requestId()).orElse(""));
            ps.setString(5, caller.map(c -> c.isOperator() ? "true" : "").orElse(""));
            ps.execute();
        } catch (SQLException e) {
            // only a broken connection fails here; as such it is a 503 when the database is away (docs/reliability.md)
            throw new io.micronaut.data.connection.exceptions.ConnectionException(
                    "cannot set the database session for the caller", e);
        }
    }

    private static void clear(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(SET)) {
                for (int i = 1; i <= 5; i++) {
                    ps.setString(i, "");
                }
                ps.execute();
            }
        } catch (SQLException e) {
            LOG.warn("Could not clear the database session of a pooled connection: {}", e.getMessage());
        }
    }
}
