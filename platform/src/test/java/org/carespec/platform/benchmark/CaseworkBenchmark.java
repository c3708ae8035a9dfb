package org.carespec.platform.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The case-management benchmark of issue 3, run by {@code benchmarks/casework.sh} (see docs/benchmarks.md), never by
 * the test command: it is tagged {@code benchmark}, which the build leaves out unless asked.
 *
 * <p>One tenant of {@code BENCH_PEOPLE} people and referrals beside {@code BENCH_OTHER_TENANTS} tenants of the same
 * size, each split over {@code BENCH_PROVIDERS} providers with a fixture-module contract. It measures, in this order
 * and in one run: pgbench's built-in simple-update at 16 clients on the same server; referral creation through the
 * API at 16 clients (validation, rules, clocks, audit); and the overdue list of one provider.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class CaseworkBenchmark extends IntegrationTest {

    static final int PEOPLE = BenchmarkTenant.intEnv("BENCH_PEOPLE", 1_000_000);
    static final int OTHER_TENANTS = BenchmarkTenant.intEnv("BENCH_OTHER_TENANTS", 10);
    static final int PROVIDERS = BenchmarkTenant.intEnv("BENCH_PROVIDERS", 10);
    static final int CLIENTS = BenchmarkTenant.intEnv("BENCH_CLIENTS", 16);
    static final Duration WARM_UP = Duration.ofSeconds(BenchmarkTenant.intEnv("BENCH_WARMUP_SECONDS", 60));
    static final Duration MEASURE = Duration.ofSeconds(BenchmarkTenant.intEnv("BENCH_SECONDS", 60));

    @Inject
    EmbeddedServer server;

    record Provider(String practitionerToken, UUID id, UUID contract, List<String> people) {
    }

    @Test
    void caseworkUnderLoad() throws Exception {
        Api api = new Api(server);
        List<String> report = new ArrayList<>();
        long t0 = System.nanoTime();
        List<Provider> main = null;
        for (int tenant = 0; tenant <= OTHER_TENANTS; tenant++) {
            List<Provider> providers = tenant(api, "bench-" + tenant);
            if (tenant == 0) {
                main = providers;
            }
        }
        try (Connection c = TestDatabase.ownerConnection()) {
            long forgotten = BenchmarkData.forgetEarlierRuns(c);
            BenchmarkData.analyze(c);
            report.add(String.format(Locale.ROOT, "Data: %,d people and %,d referrals in %,d tenants; %,d clocks."
                            + " Set up in %d s (%,d referrals from earlier runs removed first).",
                    BenchmarkData.count(c, "select count(*) from person"),
                    BenchmarkData.count(c, "select count(*) from referral"),
                    BenchmarkData.count(c, "select count(*) from tenant where slug like 'bench-%'"),
                    BenchmarkData.count(c, "select count(*) from referral_clock"),
                    (System.nanoTime() - t0) / 1_000_000_000L, forgotten));
            List<Provider> withPeople = new ArrayList<>();
            for (Provider p : main) {
                withPeople.add(new Provider(p.practitionerToken(), p.id(), p.contract(),
                        BenchmarkData.samplePeople(c, tenantId(c, "bench-0"), p.id(), 5_000)));
            }
            main = withPeople;
        }

        double pgbench = pgbench(report);
        double ceiling = databaseCeiling(report, main);
        report.add(String.format(Locale.ROOT, "Database work of a referral alone / pgbench simple-update: %.0f%%",
                100 * ceiling / pgbench));

        List<Provider> providers = main;
        Statements.reset();
        Path requests = referralRequests(providers);
        wrk(requests, WARM_UP);
        CpuAccount.Snapshot cpuBefore = CpuAccount.snapshot();
        Load.Result create = wrk(requests, MEASURE);
        CpuAccount.Snapshot cpuAfter = CpuAccount.snapshot();
        report.add(line("Referral creation", create));
        report.add(CpuAccount.describe("CPU per referral created", cpuBefore, cpuAfter, create.requests(),
                create.seconds()));
        Statements.write(Path.of("target", "benchmarks", "casework-statements.txt"), create.requests());
        report.add(String.format(Locale.ROOT, "Referral creation / pgbench simple-update: %.0f%% (target >= 40%%)",
                100 * create.perSecond() / pgbench));

        Load.Result overdue = Load.run(1, Duration.ofSeconds(5), Duration.ofSeconds(30), client -> sequence -> {
            Provider p = providers.get(sequence % providers.size());
            ApiResponse r = api.get("/api/v1/referrals?overdue=true&size=50", p.practitionerToken());
            if (r.status() != 200) {
                throw new IllegalStateException(r.status() + " " + r.body());
            }
            return true;
        });
        report.add(line("Overdue list, one provider, 1 client", overdue));
        ApiResponse sample = api.get("/api/v1/referrals?overdue=true&size=50", providers.get(0).practitionerToken());
        report.add("Overdue referrals of the first provider: " + sample.json().path("total").asLong());

        Path out = Path.of("target", "benchmarks", "casework.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        report.forEach(System.out::println);
        assertEquals(0, create.errors(), "errors under load: " + create.firstErrors());
        assertEquals(0, overdue.errors(), "errors on the overdue list: " + overdue.firstErrors());
    }

    /** 20,000 referral requests spread over the providers and their people, one per line for the wrk script. */
    private static Path referralRequests(List<Provider> providers) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        // the platform's today (the suite pins its clock), not the machine's: a referral received in the platform's
        // future is refused, and the machine's date runs ahead of the pinned one
        LocalDateTime now = TODAY.atTime(10, 0);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Provider p = providers.get(i % providers.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("personId", p.people().get(random.nextInt(p.people().size())));
            body.put("receivedAt", now.minusMinutes(random.nextInt(60 * 24 * 20)).toString());
            body.put("source", random.nextInt(5) == 0 ? "SELF" : "GP");
            body.put("data", Map.of("reason", "Benchmark referral", "crisis", random.nextInt(10) == 0,
                    "healthNotes", "Generated for the benchmark"));
            lines.add("/api/v1/contracts/" + p.contract() + "/referrals\t" + p.practitionerToken() + "\t"
                    + json.writeValueAsString(body));
        }
        Path file = Path.of("target", "benchmarks", "referral-requests.tsv").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    /** Runs wrk (two threads, CLIENTS connections) with benchmarks/wrk/referrals.lua; its summary as a result. */
    private Load.Result wrk(Path requests, Duration duration) throws IOException, InterruptedException {
        return Wrk.run(server.getURI(), CLIENTS, duration, System.getenv().getOrDefault("BENCH_WRK_SCRIPT",
                "../benchmarks/wrk/referrals.lua"), requests, Map.of());
    }

    /** Creates the tenant through the API if it is new, fills it with data, and returns its providers. */
    private List<Provider> tenant(Api api, String slug) throws SQLException {
        BenchmarkTenant tenant = BenchmarkTenant.ensure(api, slug, "Benchmark " + slug);
        List<Provider> providers = new ArrayList<>();
        for (int i = 0; i < PROVIDERS; i++) {
            BenchmarkTenant.Provider p = tenant.provider(i, "practitioner", "PRACTITIONER", "fixture",
                    LocalDate.now().minusYears(3));
            providers.add(new Provider(p.token(), p.id(), p.contract(), List.of()));
            if (!tenant.existed) {
                try (Connection c = TestDatabase.ownerConnection()) {
                    long started = System.nanoTime();
                    BenchmarkData.fill(c, tenant.id, p.id(), p.contract(), PEOPLE / PROVIDERS);
                    System.out.printf(Locale.ROOT, "%s provider %d: %,d people, referrals and clocks in %d ms%n",
                            slug, i, PEOPLE / PROVIDERS, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return providers;
    }

    private static UUID tenantId(Connection c, String slug) throws SQLException {
        return BenchmarkTenant.idOf(c, slug);
    }

    /** pgbench's built-in simple-update (-N) at the same client count, on the same server; its TPS. */
    private static double pgbench(List<String> report) throws IOException, InterruptedException, SQLException {
        List<String> args = command("PGBENCH", "the pgbench command line for the same server");
        args.addAll(List.of("-N", "-c", String.valueOf(CLIENTS), "-j", "2", "-T",
                String.valueOf(MEASURE.toSeconds())));
        PgbenchRun run = runPgbench(args, "CPU per pgbench transaction (the platform idle; pgbench counts as load"
                + " generator)");
        report.add(String.format(Locale.ROOT, "pgbench simple-update (-N), %d clients, %d s: %.0f tps, latency"
                + " average %s ms", CLIENTS, MEASURE.toSeconds(), run.tps(), run.latency()));
        report.add(run.cpu());
        return run.tps();
    }

    /** What one pgbench run gave: its rate, its average latency, and where the CPU went meanwhile. */
    private record PgbenchRun(double tps, String latency, String cpu) {
    }

    /** Runs pgbench for MEASURE; any failed or aborted transaction fails the benchmark. */
    private static PgbenchRun runPgbench(List<String> args, String cpuLabel)
            throws IOException, InterruptedException, SQLException {
        CpuAccount.Snapshot before = CpuAccount.snapshot();
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        pgbenchBackendsGone();
        CpuAccount.Snapshot after = CpuAccount.snapshot();
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench output: " + output);
        }
        if (failed.find() && Long.parseLong(failed.group(1)) > 0) {
            throw new IllegalStateException("pgbench transactions failed: " + output);
        }
        double value = Double.parseDouble(tps.group(1));
        return new PgbenchRun(value, latency.find() ? latency.group(1) : "?", CpuAccount.describe(cpuLabel, before,
                after, Math.round(value * MEASURE.toSeconds()), MEASURE.toSeconds()));
    }

    /** A command line from the environment, which benchmarks/casework.sh sets, as a list to add arguments to. */
    private static List<String> command(String variable, String what) {
        String command = System.getenv(variable);
        if (command == null || command.isBlank()) {
            throw new IllegalStateException("set " + variable + " to " + what + " (benchmarks/casework.sh does)");
        }
        return new ArrayList<>(List.of(command.trim().split("\\s+")));
    }

    /**
     * The database's share of referral creation, alone: benchmarks/pgbench/referral.sql sends the statements the
     * platform sends for one referral, as the application role (row-level security, the audit trigger), from pgbench
     * at the same client count, with the platform idle but for its audit sealer. Its rate is what referral creation
     * would reach if the platform's JVM cost nothing. Its referrals have a form code, so the next run removes them.
     */
    private static double databaseCeiling(List<String> report, List<Provider> providers)
            throws SQLException, IOException, InterruptedException {
        String applicationUser;
        try (Connection app = TestDatabase.applicationConnection()) {
            applicationUser = app.getMetaData().getUserName();
        }
        int samples;
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench_emulation");
            s.execute("drop table if exists bench_emulation.sample");
            s.execute("create table bench_emulation.sample (n integer primary key, tenant_id uuid, contract_id uuid,"
                    + " provider_id uuid, person_id uuid)");
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into bench_emulation.sample values (?, ?, ?, ?, ?::uuid)")) {
                UUID tenant = tenantId(c, "bench-0");
                int n = 0;
                for (Provider p : providers) {
                    for (String person : p.people()) {
                        insert.setInt(1, ++n);
                        insert.setObject(2, tenant);
                        insert.setObject(3, p.contract());
                        insert.setObject(4, p.id());
                        insert.setString(5, person);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                samples = n;
            }
            s.execute("grant usage on schema bench_emulation to " + applicationUser);
            s.execute("grant select on bench_emulation.sample to " + applicationUser);
        }
        String script = System.getenv().getOrDefault("BENCH_REFERRAL_SQL", "../benchmarks/pgbench/referral.sql");
        List<String> args = command("PGBENCH_REFERRAL", "pgbench with the host and port of the server");
        args.addAll(List.of("-U", applicationUser, "-n", "-M", "prepared", "-D", "samples=" + samples, "-f", script,
                "-c", String.valueOf(CLIENTS), "-j", "2", "-T", String.valueOf(MEASURE.toSeconds()), "carespec"));
        PgbenchRun run = runPgbench(args, "CPU per referral of the database work alone (pgbench counts as load"
                + " generator)");
        report.add(String.format(Locale.ROOT, "Database work of a referral alone (pgbench,"
                        + " benchmarks/pgbench/referral.sql, %d clients, %d s): %.0f per second, latency average %s ms",
                CLIENTS, MEASURE.toSeconds(), run.tps(), run.latency()));
        report.add(run.cpu());
        return run.tps();
    }

    /**
     * Waits for pgbench's server processes to end, so that their time has moved to the postmaster's account before a
     * CPU snapshot: counted once live and again once reaped, they would be counted twice.
     */
    private static void pgbenchBackendsGone() throws SQLException, InterruptedException {
        try (Connection c = TestDatabase.ownerConnection()) {
            for (int i = 0; i < 100 && BenchmarkData.count(c,
                    "select count(*) from pg_stat_activity where application_name = 'pgbench'") > 0; i++) {
                Thread.sleep(50);
            }
        }
    }

    private static String line(String what, Load.Result r) {
        return String.format(Locale.ROOT, "%s, %d clients, %.0f s: %,d requests, %.0f per second, p50 %.1f ms,"
                        + " p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d", what, r.clients(), r.seconds(),
                r.requests(), r.perSecond(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(), r.errors());
    }
}
