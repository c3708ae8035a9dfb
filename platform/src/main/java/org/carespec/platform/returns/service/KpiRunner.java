package org.carespec.platform.returns.service;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.carespec.platform.plugin.KpiQueries;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Runs modules' KPI queries ({@code KpiComputation.Sql}) for one contract and one period, and nothing else. The
 * queries run on their own login, the reporting role ({@link ReportingConnections}), which can read only the
 * {@code reporting} views and can write nothing; the views show rows only of the tenant and contract named in the
 * transaction's signed scope ({@link KpiScopeSigner}), and the tenant is always the caller's. All the queries of
 * one call read one snapshot (read-only, repeatable-read transactions that share it), so a return's figures agree
 * with each other; they are shared out over {@code carespec.reporting.lanes} connections (2), each capped in
 * time. {@code :period_start} and {@code :period_end} (end exclusive) are bound as dates, and {@code :as_of}, the
 * day the figures are counted to: the earlier of today (London) and the day after the period, which
 * {@code reporting.clock_outcome} also reads (a clock not yet due on that day is neither met nor missed).
 *
 * <p>A query returns a column {@code value} and optionally {@code numerator}, {@code denominator},
 * {@code dimension} and {@code category}: a row without a dimension is the figure itself; rows with one are its
 * breakdown cells ({@code dimension = 'source'}, {@code category = 'GP'}).
 */
@Singleton
public class KpiRunner {

    private static final String SCOPE = "select set_config('carespec.kpi_scope', ?, true),"
            + " set_config('app.tenant_id', ?, true), set_config('statement_timeout', ?, true),"
            + " set_config('carespec.kpi_as_of', ?, true)";

    private static final Pattern SNAPSHOT = Pattern.compile("^[0-9A-F]+-[0-9A-F]+(-[0-9A-F]+)?$");

    private final ReportingConnections connections;
    private final KpiScopeSigner signer;
    private final CallerContext callers;
    private final int lanes;
    private final Semaphore sessions;
    private final ExecutorService helpers;
    private final java.time.Duration timeout;
    private final java.time.Duration wait;
    private final java.time.Clock clock;

    public KpiRunner(ReportingConnections connections, KpiScopeSigner signer, CallerContext callers,
                     @Value("${carespec.reporting.lanes:2}") int lanes,
                     @Value("${carespec.reporting.query-timeout:20s}") java.time.Duration timeout,
                     @Value("${carespec.reporting.wait:10s}") java.time.Duration wait, java.time.Clock clock) {
        this.clock = clock;
        this.timeout = timeout;
        this.wait = wait;
        this.connections = connections;
        this.signer = signer;
        this.callers = callers;
        this.lanes = Math.max(1, Math.min(lanes, connections.size()));
        this.sessions = new Semaphore(Math.max(1, connections.size() / this.lanes), true);
        this.helpers = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "kpi-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        helpers.shutdownNow();
    }

    /** One row of a KPI query's answer. */
    public record Row(String dimension, String category, BigDecimal value, BigDecimal numerator,
                      BigDecimal denominator) {
    }

    /** Runs one query; a query that fails (it reads outside the views, it is wrong) fails with its reason. */
    public List<Row> run(UUID contract, FinancialPeriod period, String query) {
        return runAll(contract, period, List.of(query)).get(0);
    }

    /**
     * Runs the queries, answers in the same order; the first that fails fails them all. They share one snapshot:
     * with more than one lane, the first connection exports its snapshot and the others import it, so the figures
     * agree exactly as if one transaction had read them, and the queries are shared out between the lanes.
     */
    public List<List<Row>> runAll(UUID contract, FinancialPeriod period, List<String> queries) {
        return runAll(callers.require().requireTenant(), contract, period, queries);
    }

    /**
     * Runs a module's query once in a scope that holds no rows (a tenant and contract that do not exist), so that
     * PostgreSQL parses, plans and executes it against the reporting views: a column or view that does not exist, a
     * type error or a missing {@code value} column fails here, at start-up, rather than in a provider's return.
     */
    public void dryRun(String query) {
        runAll(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), FinancialPeriod.parse("2026-27-Q1"),
                List.of(query));
    }

    private List<List<Row>> runAll(UUID tenant, UUID contract, FinancialPeriod period, List<String> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < queries.size(); i++) {
            if (!KpiQueries.isOneStatement(queries.get(i))) {
                throw new KpiQueryException(i, "a KPI query must be one statement, without semicolons", null);
            }
        }
        int width = Math.min(lanes, queries.size());
        try {
            // Never wait long while the caller may hold an application connection: a busy reporting pool is a 503.
            if (!sessions.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KpiQueryException(-1, "every reporting connection is busy", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KpiQueryException(-1, "interrupted while waiting for a reporting connection", e);
        }
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < width; i++) {
                open.add(connections.connection());
            }
            String snapshot = null;
            LocalDate asOf = asOf(period);
            for (Connection c : open) {
                begin(c, tenant, contract, snapshot, asOf);
                if (snapshot == null && width > 1) {
                    snapshot = exportSnapshot(c);
                }
            }
            return share(open, period, asOf, queries);
        } catch (SQLException e) {
            throw new KpiQueryException(-1, e.getMessage(), e);
        } finally {
            for (Connection c : open) {
                close(c);
            }
            sessions.release();
        }
    }

    /** The day a period's figures are counted to: the earlier of today and the day after the period. */
    LocalDate asOf(FinancialPeriod period) {
        LocalDate today = org.carespec.platform.calendar.LondonTime.today(clock);
        return today.isBefore(period.end()) ? today : period.end();
    }

    private void begin(Connection c, UUID tenant, UUID contract, String snapshot, LocalDate asOf)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read");
            if (snapshot != null) {
                s.execute("set transaction snapshot '" + snapshot + "'");
            }
        }
        try (PreparedStatement scope = c.prepareStatement(SCOPE)) {
            scope.setString(1, signer.sign(tenant, contract));
            scope.setString(2, tenant.toString());
            scope.setString(3, timeout.toMillis() + "ms");
            scope.setString(4, asOf.toString());
            scope.execute();
        }
        // A scope the database does not accept (clock skew, a changed key) would show empty views and zero figures
        // that look real: refuse to compute instead.
        try (PreparedStatement check = c.prepareStatement("select carespec_kpi_tenant() = ?");
             ResultSet rs = bind(check, tenant).executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new SQLException("the database did not accept the reporting scope (check the clocks of the"
                        + " platform and the database)");
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, UUID tenant) throws SQLException {
        ps.setObject(1, tenant);
        return ps;
    }

    private static String exportSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            String id = rs.getString(1);
            if (!SNAPSHOT.matcher(id).matches()) {
                throw new SQLException("unexpected snapshot id " + id);
            }
            return id;
        }
    }

    /** Each lane takes the next query not yet taken, so a slow query does not hold up the others' share. */
    private List<List<Row>> share(List<Connection> open, FinancialPeriod period, LocalDate asOf,
                                  List<String> queries) {
        List<List<Row>> answers = new ArrayList<>(java.util.Collections.nCopies(queries.size(), (List<Row>) null));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<KpiQueryException> failure = new AtomicReference<>();
        Runnable[] work = new Runnable[open.size()];
        for (int lane = 0; lane < open.size(); lane++) {
            Connection c = open.get(lane);
            work[lane] = () -> {
                for (int i = next.getAndIncrement(); i < queries.size() && failure.get() == null;
                     i = next.getAndIncrement()) {
                    try {
                        answers.set(i, runOne(c, period, asOf, queries.get(i)));
                    } catch (SQLException e) {
                        failure.compareAndSet(null, new KpiQueryException(i, e.getMessage(), e));
                    }
                }
            };
        }
        List<Future<?>> helping = new ArrayList<>();
        for (int lane = 1; lane < work.length; lane++) {
            helping.add(helpers.submit(work[lane]));
        }
        work[0].run();
        // Wait for every lane even if interrupted: the connections go back to the pool only when no lane uses them.
        boolean interrupted = false;
        for (Future<?> f : helping) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, new KpiQueryException(-1, "interrupted", e));
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, new KpiQueryException(-1, String.valueOf(e.getCause()), e.getCause()));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return answers;
    }

    private static void close(Connection c) {
        try (c) {
            c.rollback();
            forget(c);
        } catch (SQLException e) {
            // A connection that cannot be cleaned is closed by the pool's own checks; nothing of it is reused
            // without its rollback, which the pool also performs.
            org.slf4j.LoggerFactory.getLogger(KpiRunner.class).warn("Could not clean a reporting connection: {}",
                    e.getMessage());
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
        private final boolean busy;

        KpiQueryException(int query, String message, Throwable cause) {
            this(query, message, cause, false);
        }

        KpiQueryException(int query, String message, Throwable cause, boolean busy) {
            super(message, cause);
            this.query = query;
            this.busy = busy;
        }

        /** Whether no reporting connection was free in time: try again shortly. */
        public boolean busy() {
            return busy;
        }

        /** The position of the failing query in the list given, or -1 when the session itself failed. */
        public int query() {
            return query;
        }

        /** Whether the query ran out of its time (PostgreSQL's query_canceled, 57014). */
        public boolean timedOut() {
            return getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState());
        }
    }

    private static List<Row> runOne(Connection c, FinancialPeriod period, LocalDate asOf, String query)
            throws SQLException {
        List<LocalDate> parameters = new ArrayList<>();
        // Inside a subquery, the module's text can only ever be one SELECT: no second statement rides along.
        String sql = "select * from (" + bindPeriod(KpiQueries.stripSemicolon(query), period, asOf, parameters) + "\n) kpi";
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
    static String bindPeriod(String query, FinancialPeriod period, LocalDate asOf, List<LocalDate> parameters) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < query.length()) {
            if (query.startsWith(":period_start", i)) {
                out.append("cast(? as date)");
                parameters.add(period.start());
                i += ":period_start".length();
            } else if (query.startsWith(":as_of", i)) {
                out.append("cast(? as date)");
                parameters.add(asOf);
                i += ":as_of".length();
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
