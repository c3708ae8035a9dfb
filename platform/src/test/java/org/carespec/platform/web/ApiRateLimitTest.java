package org.carespec.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 3: no route ever answered 429. Each token now has a budget; here one request a minute after a
 * burst of fifty, so that the fifty-first in a row is refused however slow the machine, and another token is untouched.
 */
@MicronautTest(transactional = false)
class ApiRateLimitTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.api.requests-per-second", "0.0166", "carespec.api.burst", "50");
    }

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    @Test
    void aTokenPastItsBurstIsToldToWaitAndAnotherTokenIsNot() {
        String token = api.login(t.email(Role.PRACTITIONER), PASSWORD, null);
        for (int i = 0; i < 50; i++) {
            api.get("/api/v1/me", token).expect(200);
        }
        ApiResponse refused = api.get("/api/v1/me", token);
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);

        String another = api.login(t.email(Role.PROVIDER_MANAGER), PASSWORD, null);
        api.get("/api/v1/me", another).expect(200);
    }
}
