package org.carespec.platform.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CuttableProxy;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.LogWatch;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the database goes away under a running platform (as in a restart or a network fault) and comes back.
 * While it is away every request is answered 503 problem+json with {@code Retry-After}, not 500; once it is back the
 * same platform answers again without a restart; and a create retried under its {@code Idempotency-Key} after a
 * 503 makes one record, not two. The platform's pool reaches PostgreSQL through a {@link CuttableProxy}; the
 * migrations and the test's own checks go straight to the server. {@code benchmarks/soak.sh fault} does the same
 * to a real PostgreSQL under load ({@code docs/reliability.md}).
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends IntegrationTest {

    private static CuttableProxy proxy;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        URI database = URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
        try {
            proxy = new CuttableProxy(database.getHost(), database.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = TestDatabase.get().micronautProperties().get("datasources.default.url").toString()
                .replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port());
        // a short wait for a connection, so that the outage is answered in seconds rather than the default ten
        return Map.of("datasources.default.url", url, "datasources.default.connection-timeout", "1500");
    }

    @AfterAll
    void closeTheProxy() {
        proxy.close();
    }

    @Test
    void anOutageIsA503AndThePlatformComesBackWithoutARestart() {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        String practitioner = t.token(Role.PRACTITIONER);
        String name = "Outage" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> person = Map.of("givenName", name, "familyName", "Retried");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        api.get("/api/v1/persons", practitioner).expect(200);

        proxy.cut();
        ApiResponse read;
        ApiResponse write;
        ApiResponse signIn;
        try (LogWatch log = LogWatch.start()) {
            read = api.get("/api/v1/persons", practitioner);
            write = api.send("POST", "/api/v1/persons", practitioner, person, key);
            signIn = api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER), "password", PASSWORD));
            // an outage is expected weather, not a fault of ours: one WARN line a request, no "unexpected error"
            assertEquals(List.of(), log.holding(List.of("Unexpected error")), "the log during the outage");
            assertTrue(log.holding(List.of("answered 503, the database is unavailable")).size() >= 3,
                    String.join("\n", log.lines()));
        }
        for (ApiResponse during : new ApiResponse[] {read, write, signIn}) {
            assertEquals(503, during.status(), during.body());
            assertTrue(during.isProblem(), during.contentType());
            assertEquals("5", during.headers().get("retry-after"), during.headers().toString());
        }

        proxy.restore();
        // a client retries as the 503 asks (sooner here, to keep the suite quick) until the pool has connections
        ApiResponse created = api.send("POST", "/api/v1/persons", practitioner, person, key);
        long back = System.nanoTime();
        while (created.status() == 503 && System.nanoTime() - back < 20_000_000_000L) {
            pause();
            created = api.send("POST", "/api/v1/persons", practitioner, person, key);
        }
        created.expect(201);
        ApiResponse again = api.send("POST", "/api/v1/persons", practitioner, person, key);
        assertEquals(created.id(), again.id(), "the same key is the same person");
        assertEquals(1, api.get("/api/v1/persons?name=" + name, practitioner).expect(200).json().path("total")
                .asInt(), "one person after a 503 and two retries under one key");
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
