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
 * The records benchmark of issue 14, run by {@code benchmarks/records.sh} (see docs/benchmarks.md), never by the test
 * command: one contract with {@code BENCH_RECORDS} (1,000,000) records of four types over three years, under the six
 * KPIs of {@link RecordBenchPlugin}, which read only {@code reporting.record} and {@code reporting.record_link}. It
 * times a {@code count(*)} of the contract's records and the contract's full quarterly return through the API.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class RecordsBenchmark extends IntegrationTest {

    static final int RECORDS = BenchmarkTenant.intEnv("BENCH_RECORDS", 1_000_000);
    static final int RUNS = BenchmarkTenant.intEnv("BENCH_RUNS", 7);
    static final String SLUG = "records-bench";

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

    @Test
    void aQuarterlyReturnOverAMillionRecords() throws Exception {
        Api api = new Api(server);
        List<String> report = new ArrayList<>();
        LocalDate from = LocalDate.now().minusYears(3).withDayOfMonth(1);
        BenchmarkTenant tenant = BenchmarkTenant.ensure(api, SLUG, "Records benchmark");
        BenchmarkTenant.Provider provider = tenant.provider(0, "manager", "PROVIDER_MANAGER", RecordBenchPlugin.ID,
                from);
        if (!tenant.existed) {
            long started = System.nanoTime();
            try (Connection c = TestDatabase.ownerConnection()) {
                RecordsData.fill(c, tenant.id, provider.id(), provider.contract(), RECORDS, from, LocalDate.now());
            }
            report.add(String.format(Locale.ROOT, "Data: %,d records generated in %d s", RECORDS,
                    (System.nanoTime() - started) / 1_000_000_000L));
        }
        FinancialPeriod period = FinancialPeriod.quarterOf(LocalDate.now()).previous();
        String path = "/api/v1/contracts/" + provider.contract() + "/returns/" + period;
        long[] count = new long[RUNS];
        long[] full = new long[RUNS];
        long records = 0;
        try (Connection app = TestDatabase.applicationConnection();
             PreparedStatement bind = app.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement counting = app.prepareStatement(
                     "select count(*) from record where tenant_id = ? and contract_id = ?")) {
            bind.setString(1, tenant.id.toString());
            bind.execute();
            counting.setObject(1, tenant.id);
            counting.setObject(2, provider.contract());
            for (int i = 0; i < 3 + RUNS; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = counting.executeQuery()) {
                    rs.next();
                    records = rs.getLong(1);
                }
                long counted = System.nanoTime() - start;
                start = System.nanoTime();
                ApiResponse r = api.get(path, provider.token());
                long returned = System.nanoTime() - start;
                assertEquals(200, r.status(), r.body());
                if (i == 0) {
                    report.add("Return lines: " + r.json().path("lines").size());
                }
                if (i >= 3) {
                    count[i - 3] = counted;
                    full[i - 3] = returned;
                }
            }
        }
        double countMs = BenchmarkData.medianMillis(count);
        double fullMs = BenchmarkData.medianMillis(full);
        report.add(String.format(Locale.ROOT, "count(*) of the contract's %,d records: median %.1f ms (of %d)",
                records, countMs, RUNS));
        List<KpiDefinition> kpis = plugins.find(RecordBenchPlugin.ID).orElseThrow().kpis();
        report.add(String.format(Locale.ROOT, "Full %s return through the API (%d KPIs over reporting.record, every"
                + " breakdown): median %.1f ms, slowest %.1f ms = %.2f x the count (target <= 3 x and <= 1,000 ms)",
                period, kpis.size(), fullMs, Arrays.stream(full).max().orElse(0) / 1e6, fullMs / countMs));
        Caller system = Caller.system("records-benchmark").inTenant(tenant.id);
        for (KpiDefinition kpi : kpis) {
            String sql = ((KpiComputation.Sql) kpi.computation()).sql();
            long[] each = new long[3];
            for (int i = 0; i < each.length; i++) {
                long start = System.nanoTime();
                callers.callAs(system, () -> runner.run(provider.contract(), period, sql));
                each[i] = System.nanoTime() - start;
            }
            report.add(String.format(Locale.ROOT, "  %s %-60s %7.1f ms", kpi.code(), kpi.title(),
                    BenchmarkData.medianMillis(each)));
        }
        Path out = Path.of("target", "benchmarks", "records.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        report.forEach(System.out::println);
    }
}
