package org.carespec.platform.returns.service;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Runs modules' KPI queries ({@code KpiComputation.Sql}) for one contract and one period, and nothing else. The
 * queries run on their own login, the reporting role ({@link ReportingConnections}), which can read only the
 * {@code reporting} views and can write nothing; the views show rows only of the tenant and contract named in the
 * transaction's signed scope ({@link KpiScopeSigner}), and the tenant is always the caller's. All the queries of
 * one call run in one read-only, repeatable-read transaction, so a return's figures agree with each other, each
 * capped in time. {@code :period_start} and {@code :period_end} (end exclusive) are bound as dates.
 *
 * <p>A query returns a column {@code value} and optionally {@code numerator}, {@code denominator},
 * {@code dimension} and {@code category}: a row without a dimension is the figure itself; rows with one are its
 * breakdown cells ({@code dimension = 'source'}, {@code category = 'GP'}).
 */
@Singleton
public class KpiRunner {

    private static final String SCOPE = "select set_config('carespec.kpi_scope', ?, true),"
            + " set_config('app.tenant_id', ?, true), set_config('statement_timeout', '20s', true)";

    private final ReportingConnections connections;
    private final KpiScopeSigner signer;
    private final CallerContext callers;

    public KpiRunner(ReportingConnections connections, KpiScopeSigner signer, CallerContext callers) {
        this.connections = connections;
        this.signer = signer;
        this.callers = callers;
    }

    /** One row of a KPI query's answer. */
    public record Row(String dimension, String category, BigDecimal value, BigDecimal numerator,
                      BigDecimal denominator) {
    }

    /** Runs one query; a query that fails (it reads outside the views, it is wrong) fails with its reason. */
    public List<Row> run(UUID contract, FinancialPeriod period, String query) {
        return runAll(contract, period, List.of(query)).get(0);
    }

    /** Runs the queries in one transaction, answers in the same order; the first that fails fails them all. */
    public List<List<Row>> runAll(UUID contract, FinancialPeriod period, List<String> queries) {
        UUID tenant = callers.require().tenant();
        try (Connection c = connections.connection()) {
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read");
                }
                try (PreparedStatement scope = c.prepareStatement(SCOPE)) {
                    scope.setString(1, signer.sign(tenant, contract));
                    scope.setString(2, tenant.toString());
                    scope.execute();
                }
                List<List<Row>> answers = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    try {
                        answers.add(runOne(c, period, queries.get(i)));
                    } catch (SQLException e) {
                        throw new KpiQueryException(i, e.getMessage(), e);
                    }
                }
                return answers;
            } finally {
                c.rollback();
                forget(c);
            }
        } catch (SQLException e) {
            throw new KpiQueryException(-1, e.getMessage(), e);
        }
    }

    /**
     * Leaves nothing of this session on the pooled connection for the next one, which may be another tenant's:
     * settings, temporary tables and prepared statements go (DISCARD ALL, which runs outside a transaction).
     */
    private static void forget(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("discard all");
        } finally {
            c.setAutoCommit(false);
        }
    }

    /** A module's KPI query could not run: a defect of the module, reported with the database's reason. */
    public static final class KpiQueryException extends RuntimeException {
        private final int query;

        KpiQueryException(int query, String message, Throwable cause) {
            super(message, cause);
            this.query = query;
        }

        /** The position of the failing query in the list given, or -1 when the session itself failed. */
        public int query() {
            return query;
        }
    }

    private static List<Row> runOne(Connection c, FinancialPeriod period, String query) throws SQLException {
        List<LocalDate> parameters = new ArrayList<>();
        String sql = bindPeriod(query, period, parameters);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> columns = columns(rs.getMetaData());
                if (!columns.contains("value")) {
                    throw new SQLException("a KPI query must return a column named value");
                }
                while (rs.next()) {
                    rows.add(new Row(text(rs, columns, "dimension"), text(rs, columns, "category"),
                            number(rs, columns, "value"), number(rs, columns, "numerator"),
                            number(rs, columns, "denominator")));
                }
            }
        }
        return rows;
    }

    /** Replaces the named period parameters with positional ones, in order of appearance. */
    static String bindPeriod(String query, FinancialPeriod period, List<LocalDate> parameters) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < query.length()) {
            if (query.startsWith(":period_start", i)) {
                out.append("cast(? as date)");
                parameters.add(period.start());
                i += ":period_start".length();
            } else if (query.startsWith(":period_end", i)) {
                out.append("cast(? as date)");
                parameters.add(period.end());
                i += ":period_end".length();
            } else {
                out.append(query.charAt(i++));
            }
        }
        return out.toString();
    }

    private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    private static String text(ResultSet rs, Set<String> columns, String name) throws SQLException {
        return columns.contains(name) ? rs.getString(name) : null;
    }

    private static BigDecimal number(ResultSet rs, Set<String> columns, String name) throws SQLException {
        return columns.contains(name) ? rs.getBigDecimal(name) : null;
    }
}
