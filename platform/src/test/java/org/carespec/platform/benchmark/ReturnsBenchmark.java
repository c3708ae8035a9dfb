package org.carespec.platform.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.service.KpiRunner;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The returns benchmark of issue 4, run by {@code benchmarks/returns.sh} (see docs/benchmarks.md), never by the
 * test command. One tenant of {@code BENCH_CONTRACTS} contracts (20), each with {@code BENCH_PEOPLE} people and
 * referrals (100,000), {@code BENCH_ACTIVITIES} activities (1,000,000) and {@code BENCH_ATTENDANCES} group
 * attendances (50,000) over three years, under the eighteen KPIs of {@link ReturnBenchPlugin}. In one run it times
 * a {@code count(*)} of the first contract's activities, that contract's full quarterly return through the API
 * (every KPI and breakdown, computed live) and the returns of all the contracts one after another.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class ReturnsBenchmark extends IntegrationTest {

    static final int CONTRACTS = BenchmarkTenant.intEnv("BENCH_CONTRACTS", 20);
    static final ReturnsData.Shape SHAPE = new ReturnsData.Shape(BenchmarkTenant.intEnv("BENCH_PEOPLE", 100_000),
            BenchmarkTenant.intEnv("BENCH_ACTIVITIES", 1_000_000), BenchmarkTenant.intEnv("BENCH_ATTENDANCES", 50_000),
            LocalDate.now().minusYears(3).withDayOfMonth(1), LocalDate.now());
    static final int RUNS = BenchmarkTenant.intEnv("BENCH_RUNS", 7);
    static final String SLUG = "returns-bench";
    /** Whose KPIs the contracts' returns are computed with: the stand-in (default) or an installed module. */
    static final String MODULE = System.getenv().getOrDefault("BENCH_MODULE", "return-bench");

    @Inject
    EmbeddedServer server;

    @Inject
    KpiRunner runner;

    @Inject
    CallerContext callers;

    @Inject
    org.carespec.platform.plugin.PluginRegistry plugins;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.benchmark.modules", "true");
    }

    record Contract(UUID id, String managerToken) {
    }

    @Test
    void quarterlyReturnsOfTwentyLargeContracts() throws Exception {
        Api api = new Api(server);
        List<String> report = new ArrayList<>();
        long t0 = System.nanoTime();
        List<Contract> contracts = tenant(api);
        UUID tenant;
        try (Connection c = TestDatabase.ownerConnection()) {
            tenant = BenchmarkTenant.ensure(api, SLUG, "Returns benchmark").id;
            // The same data under another module's KPIs: only the contracts' module changes (triggers off).
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("update contract set module_id = ? where tenant_id = ?")) {
                st.execute("set local session_replication_role = replica");
                ps.setString(1, MODULE);
                ps.setObject(2, tenant);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            ReturnsData.analyze(c);
            report.add(String.format(Locale.ROOT, "Data: %d contracts in one tenant; per contract %,d people and"
                            + " referrals, %,d activities, %,d group attendances (tenant totals: %,d activities, %,d"
                            + " referrals, %,d clocks, %,d attendances). Ready in %d s.",
                    contracts.size(), SHAPE.people(), SHAPE.activities(), SHAPE.attendances(),
                    BenchmarkData.count(c, "select count(*) from activity where tenant_id = ?", tenant),
                    BenchmarkData.count(c, "select count(*) from referral where tenant_id = ?", tenant),
                    BenchmarkData.count(c, "select count(*) from referral_clock where tenant_id = ?", tenant),
                    BenchmarkData.count(c, "select count(*) from group_attendance where tenant_id = ?", tenant),
                    (System.nanoTime() - t0) / 1_000_000_000L));
        }
        FinancialPeriod period = FinancialPeriod.quarterOf(LocalDate.now()).previous();
        Contract first = contracts.get(0);
        String path = "/api/v1/contracts/" + first.id() + "/returns/" + period;

        // The count runs on an open connection as the application role and only the query is timed; the return
        // is timed as a client sees it (HTTP, JSON, the reporting session and every query). Warm both the same way,
        // then alternate so neither gets a warmer cache than the other.
        long[] count = new long[RUNS];
        long[] full = new long[RUNS];
        long activities = 0;
        try (Connection app = TestDatabase.applicationConnection();
             PreparedStatement bind = app.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement counting = app.prepareStatement(
                     "select count(*) from activity where tenant_id = ? and contract_id = ?")) {
            bind.setString(1, tenant.toString());
            bind.execute();
            counting.setObject(1, tenant);
            counting.setObject(2, first.id());
            for (int i = 0; i < 3 + RUNS; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = counting.executeQuery()) {
                    rs.next();
                    activities = rs.getLong(1);
                }
                long counted = System.nanoTime() - start;
                start = System.nanoTime();
                ApiResponse r = api.get(path, first.managerToken());
                long returned = System.nanoTime() - start;
                assertEquals(200, r.status(), r.body());
                if (i >= 3) {
                    count[i - 3] = counted;
                    full[i - 3] = returned;
                }
            }
        }
        double countMs = BenchmarkData.medianMillis(count);
        double fullMs = BenchmarkData.medianMillis(full);
        report.add(String.format(Locale.ROOT, "count(*) of the first contract's %,d activities: median %.1f ms"
                + " (of %d)", activities, countMs, RUNS));
        List<KpiDefinition> kpis = plugins.find(MODULE).orElseThrow().kpis().stream()
                .filter(k -> k.period() == org.carespec.plugin.api.kpi.ReportingPeriod.QUARTER
                        && k.computation() instanceof KpiComputation.Sql)
                .toList();
        report.add(String.format(Locale.ROOT, "Full %s return of that contract through the API (module %s, %d KPIs,"
                + " every breakdown): median %.1f ms, slowest %.1f ms = %.2f x the count (target <= 3 x and <= 1,000"
                + " ms)", period, MODULE, kpis.size(), fullMs, Arrays.stream(full).max().orElse(0) / 1e6,
                fullMs / countMs));

        Caller system = Caller.system("returns-benchmark").inTenant(tenant);
        for (KpiDefinition kpi : kpis) {
            String sql = ((KpiComputation.Sql) kpi.computation()).sql();
            long[] each = new long[3];
            for (int i = 0; i < each.length; i++) {
                long start = System.nanoTime();
                callers.callAs(system, () -> runner.run(first.id(), period, sql));
                each[i] = System.nanoTime() - start;
            }
            report.add(String.format(Locale.ROOT, "  %s %-52s %7.1f ms", kpi.code(), kpi.title(),
                    BenchmarkData.medianMillis(each)));
        }

        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            for (Contract contract : contracts) {
                api.get("/api/v1/contracts/" + contract.id() + "/returns/" + period, contract.managerToken())
                        .expect(200);
            }
            report.add(String.format(Locale.ROOT, "All %d contracts' %s returns, one after another, round %d: %.2f s"
                    + " (target <= 10 s)", contracts.size(), period, round, (System.nanoTime() - start) / 1e9));
        }

        Path out = Path.of("target", "benchmarks", "returns.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        report.forEach(System.out::println);
    }

    /** Creates the tenant, its providers, managers and contracts through the API when new, and fills them. */
    private List<Contract> tenant(Api api) throws SQLException {
        BenchmarkTenant tenant = BenchmarkTenant.ensure(api, SLUG, "Returns benchmark");
        List<Contract> contracts = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            BenchmarkTenant.Provider p = tenant.provider(i, "manager", "PROVIDER_MANAGER", "return-bench", SHAPE.from());
            contracts.add(new Contract(p.contract(), p.token()));
            if (!tenant.existed) {
                try (Connection c = TestDatabase.ownerConnection()) {
                    long started = System.nanoTime();
                    ReturnsData.fill(c, tenant.id, p.id(), p.contract(), SHAPE);
                    System.out.printf(Locale.ROOT, "contract %d filled in %d s%n", i,
                            (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
        }
        return contracts;
    }
}
