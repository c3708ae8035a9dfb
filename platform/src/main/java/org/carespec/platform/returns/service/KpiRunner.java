package org.carespec.platform.returns.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
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
import org.carespec.platform.database.ReportingRole;
import org.carespec.platform.returns.domain.FinancialPeriod;

/**
 * Runs a module's KPI query ({@code KpiComputation.Sql}) for one contract and one period, and nothing else: in the
 * caller's transaction, already bound to the tenant by row-level security, it writes the query's scope (tenant and
 * contract) to {@code kpi_scope}, caps its time, and becomes the reporting role, which can read only the
 * {@code reporting} views and can write nothing. {@code :period_start} and {@code :period_end} (end exclusive) are
 * bound as dates.
 *
 * <p>The query returns a column {@code value} and optionally {@code numerator}, {@code denominator},
 * {@code dimension} and {@code category}: a row without a dimension is the figure itself; rows with one are its
 * breakdown cells ({@code dimension = 'source'}, {@code category = 'GP'}).
 */
@Singleton
public class KpiRunner {

    private final JdbcOperations jdbc;
    private final String reportingRole;

    public KpiRunner(JdbcOperations jdbc, @Value("${datasources.default.username}") String applicationRole) {
        this.jdbc = jdbc;
        this.reportingRole = ReportingRole.nameFor(applicationRole);
    }

    /** One row of a KPI query's answer. */
    public record Row(String dimension, String category, BigDecimal value, BigDecimal numerator,
                      BigDecimal denominator) {
    }

    /** Runs the query; a query that fails (it reads outside the views, it is wrong) fails with its reason. */
    @Transactional
    public List<Row> run(UUID contract, FinancialPeriod period, String query) {
        try {
            return runAsReporting(jdbc.getConnection(), contract, period, query);
        } catch (SQLException e) {
            throw new KpiQueryException(e.getMessage(), e);
        }
    }

    /** A module's KPI query could not run: a defect of the module, reported with the database's reason. */
    public static final class KpiQueryException extends RuntimeException {
        KpiQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<Row> runAsReporting(Connection c, UUID contract, FinancialPeriod period, String query)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = '20s'");
        }
        try (PreparedStatement scope = c.prepareStatement("insert into kpi_scope (tenant_id, backend_pid, contract_id)"
                + " values (carespec_current_tenant(), pg_backend_pid(), ?) on conflict (tenant_id, backend_pid)"
                + " do update set contract_id = excluded.contract_id")) {
            scope.setObject(1, contract);
            scope.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("set local role " + reportingRole);
        }
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
                    throw new IllegalStateException("a KPI query must return a column named value");
                }
                while (rs.next()) {
                    rows.add(new Row(text(rs, columns, "dimension"), text(rs, columns, "category"),
                            number(rs, columns, "value"), number(rs, columns, "numerator"),
                            number(rs, columns, "denominator")));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("reset role");
            s.execute("delete from kpi_scope where backend_pid = pg_backend_pid()");
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
