package org.carespec.platform.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web UI under load (issue 16), run by {@code benchmarks/pages.sh} over the casework benchmark's data, never by
 * the test command: {@code BENCH_CLIENTS} signed-in practitioners (50), each with their own browser session (signed
 * in through the sign-in page), whose caseloads and referral pages wrk asks for over 50 connections, for
 * {@code BENCH_SECONDS}: first with no pause at all, then each connection pausing about {@code BENCH_PAUSE_MS}
 * (1,000) between pages. The target: p95 at most 150 ms and no error.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class PagesBenchmark extends IntegrationTest {

    static final int PEOPLE = BenchmarkTenant.intEnv("BENCH_PEOPLE", 1_000_000);
    static final int OTHER_TENANTS = BenchmarkTenant.intEnv("BENCH_OTHER_TENANTS", 10);
    static final int PROVIDERS = BenchmarkTenant.intEnv("BENCH_PROVIDERS", 10);
    static final int CLIENTS = BenchmarkTenant.intEnv("BENCH_CLIENTS", 50);
    static final Duration WARM_UP = Duration.ofSeconds(BenchmarkTenant.intEnv("BENCH_WARMUP_SECONDS", 30));
    static final Duration MEASURE = Duration.ofSeconds(BenchmarkTenant.intEnv("BENCH_SECONDS", 60));
    static final Duration PAUSE = Duration.ofMillis(BenchmarkTenant.intEnv("BENCH_PAUSE_MS", 1000));

    @Inject
    EmbeddedServer server;

    @Test
    void caseloadAndReferralPagesUnderLoad() throws Exception {
        Api api = new Api(server);
        List<String> report = new ArrayList<>();
        for (int t = 0; t <= OTHER_TENANTS; t++) {
            String slug = "bench-" + t;
            BenchmarkTenant tenant = BenchmarkTenant.ensure(api, slug, "Benchmark " + slug);
            for (int i = 0; i < PROVIDERS; i++) {
                BenchmarkTenant.Provider p = tenant.provider(i, "practitioner", "PRACTITIONER", "fixture",
                        LocalDate.now().minusYears(3));
                if (!tenant.existed) {
                    try (Connection c = TestDatabase.ownerConnection()) {
                        BenchmarkData.fill(c, tenant.id, p.id(), p.contract(), PEOPLE / PROVIDERS);
                    }
                }
            }
        }
        try (Connection c = TestDatabase.ownerConnection()) {
            BenchmarkData.analyze(c);
            report.add(String.format(Locale.ROOT, "Data: %,d people and %,d referrals; %,d clocks.",
                    BenchmarkData.count(c, "select count(*) from person"),
                    BenchmarkData.count(c, "select count(*) from referral"),
                    BenchmarkData.count(c, "select count(*) from referral_clock")));
        }
        // each client: a practitioner of one provider, signed in through the sign-in page, with that provider's
        // open referrals to open in turn
        List<Browser> browsers = new ArrayList<>();
        List<List<String>> referrals = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int provider = client % PROVIDERS;
            Browser browser = new Browser(server.getURI());
            HttpResponse<String> signedIn = browser.signIn("practitioner" + provider + "@bench-0.test", PASSWORD);
            if (signedIn.statusCode() != 303) {
                throw new IllegalStateException("sign-in " + signedIn.statusCode());
            }
            browsers.add(browser);
            List<String> ids = new ArrayList<>();
            // a fresh token: generating the data can take longer than an access token lives
            String token = api.login("practitioner" + provider + "@bench-0.test", PASSWORD, "bench-0");
            api.get("/api/v1/referrals?size=50&status=RECEIVED", token).expect(200).json().path("items")
                    .forEach(r -> ids.add(r.path("id").asText()));
            if (ids.isEmpty()) {
                throw new IllegalStateException("no received referrals for practitioner" + provider);
            }
            referrals.add(ids);
        }
        // each user's pages, a caseload for each referral page so that both are asked for equally, with that
        // user's session cookie; wrk, a separate process, asks for them at random
        List<String> lines = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String cookie = browsers.get(client).cookies().entrySet().stream().map(e -> e.getKey() + "="
                    + e.getValue()).collect(Collectors.joining("; "));
            for (String id : referrals.get(client).subList(0, Math.min(10, referrals.get(client).size()))) {
                lines.add("/caseload\t" + cookie);
                lines.add("/referrals/" + id + "\t" + cookie);
            }
        }
        Path requests = Files.createTempFile("pages", ".tsv");
        Files.write(requests, lines);
        String script = "../benchmarks/wrk/pages.lua";
        Wrk.run(server.getURI(), CLIENTS, WARM_UP, script, requests, Map.of());
        Statements.reset();
        CpuAccount.Snapshot cpuBefore = CpuAccount.snapshot();
        Load.Result pages = Wrk.run(server.getURI(), CLIENTS, MEASURE, script, requests, Map.of());
        CpuAccount.Snapshot cpuAfter = CpuAccount.snapshot();
        Statements.write(Path.of("target", "benchmarks", "pages-statements.txt"), pages.requests());
        report.add(String.format(Locale.ROOT, "Caseload and referral pages, %d signed-in users, no pause: %,.0f"
                        + " pages/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors in %,d (target: p95 <= 150 ms,"
                        + " 0 errors)", pages.clients(), pages.perSecond(), pages.p50Millis(), pages.p95Millis(),
                pages.p99Millis(), pages.errors(), pages.requests()));
        report.add(CpuAccount.describe("CPU per page", cpuBefore, cpuAfter, pages.requests(), pages.seconds()));
        // the same users as people use pages: each reads a page for a moment before asking for the next
        Load.Result reading = Wrk.run(server.getURI(), CLIENTS, MEASURE, script, requests,
                Map.of("BENCH_WRK_PAUSE_MS", String.valueOf(PAUSE.toMillis())));
        report.add(String.format(Locale.ROOT, "The same, each user pausing %d ms on average between pages: %,.0f"
                        + " pages/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors in %,d", PAUSE.toMillis(),
                reading.perSecond(), reading.p50Millis(), reading.p95Millis(), reading.p99Millis(), reading.errors(),
                reading.requests()));
        Path out = Path.of("target", "benchmarks", "pages.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        report.forEach(System.out::println);
        assertEquals(0, pages.errors(), "errors under load: " + pages.firstErrors());
        assertEquals(0, reading.errors(), "errors under load: " + reading.firstErrors());
        Files.deleteIfExists(requests);
    }
}
