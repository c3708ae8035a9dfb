package org.carespec.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The database out of reach (down, restarting, or the network to it broken): the request was right and may be sent
 * again, so it is answered 503 with {@code Retry-After}, and logged as one WARN line, not as a fault of ours
 * (docs/reliability.md). {@code DomainExceptionHandlers} answers the pool's own exceptions so; the
 * {@link ProblemResponseProcessor} answers any other failure that this explains (a query's exception wrapping a
 * broken connection) the same way.
 */
final class DatabaseAway {

    static final String DETAIL = "The database is unavailable. Try again in a few seconds.";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseAway() {
    }

    /**
     * Whether a failure means the database could not be reached: no pooled connection in time, a connection refused,
     * closed or broken (SQLSTATE class 08), or ended by a server shutting down or starting up (57P01-57P03). HikariCP
     * evicts a connection the server ended and answers any later call on it with "Connection is closed" and no
     * SQLSTATE; when that happens as the transaction is completed it is the only failure reported, the first lost.
     */
    static boolean explains(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && (sql.getSQLState() == null
                    ? "Connection is closed".equals(sql.getMessage()) : connectionState(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : c.getSuppressed()) {
                if (explains(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean connectionState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }
}
