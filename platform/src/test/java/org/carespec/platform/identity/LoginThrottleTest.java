package org.carespec.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.identity.service.LoginService;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 17, finding 3: ten wrong passwords locked an account for anyone, from anywhere. Guessing is now slowed by
 * client address and account (429 with Retry-After, the password not even checked) and nobody can keep the owner
 * out: the owner's own address, or one they have signed in from, still signs in. Each client here is told apart by
 * {@code X-Forwarded-For}, as a load balancer in front would say it.
 */
@MicronautTest(transactional = false)
class LoginThrottleTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @Override
    protected Map<String, String> extraProperties() {
        // a first wait of a minute, so that a slow machine cannot outlast it between two requests of a test
        return Map.of("carespec.security.client-address-header", "X-Forwarded-For",
                "carespec.login.free-failures-per-address", "20", "carespec.login.first-wait", "60s");
    }

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    private ApiResponse signIn(String from, String email, String password) {
        return api.send("POST", "/login", null, Map.of("username", email, "password", password),
                Map.of("X-Forwarded-For", "203.0.113.250, " + from));
    }

    private String account(String name) {
        String email = name + "@" + t.slug + ".test";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", email);
        user.put("displayName", name);
        user.put("password", PASSWORD);
        user.put("organisationId", t.provider);
        user.put("roles", List.of("PRACTITIONER"));
        api.post("/api/v1/users", t.token(Role.TENANT_ADMIN), user).expect(201);
        return email;
    }

    private static void throttled(ApiResponse response) {
        assertEquals(429, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        long retryAfter = Long.parseLong(response.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
    }

    @Test
    void fiveWrongPasswordsFromOneAddressSlowThatAddressOnlyAndNoPasswordIsLogged() {
        String email = account("guessed");
        ListAppender<ILoggingEvent> log = capture();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn("198.51.100.1", email, "wrong password " + i).status());
        }
        assertEquals(401, signIn("198.51.100.1", email, "wrong password 5").status(), "the sixth is still checked");
        throttled(signIn("198.51.100.1", email, "wrong password 6"));
        throttled(signIn("198.51.100.1", email, PASSWORD)); // not even the right one, from there, for now
        // the owner, elsewhere, is not kept out
        signIn("192.0.2.7", email, PASSWORD).expect(200);
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("Login throttled")).count(), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(PASSWORD) || l.matches(".*wrong password \\d.*")
                || l.contains(email)), "no password and no e-mail address is logged: " + lines);
    }

    @Test
    void aSpreadOutAttackOnOneAccountDoesNotKeepOutAnAddressItsOwnerHasSignedInFrom() {
        String email = account("targeted");
        signIn("192.0.2.20", email, PASSWORD).expect(200); // the owner's usual address
        for (int i = 0; i < 11; i++) {
            assertEquals(401, signIn("198.51.100." + (10 + i), email, "guess " + i).status());
        }
        throttled(signIn("198.51.100.99", email, "guess 99")); // a new address: the account is being guessed
        signIn("192.0.2.20", email, PASSWORD).expect(200);     // the owner's is not
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedWhateverTheAccount() {
        for (int i = 0; i < 21; i++) {
            assertEquals(401, signIn("198.51.100.200", "nobody" + i + "@" + t.slug + ".test", "x").status());
        }
        throttled(signIn("198.51.100.200", "nobody-else@" + t.slug + ".test", "x"));
        throttled(signIn("198.51.100.200", t.email(Role.PRACTITIONER), PASSWORD));
        signIn("198.51.100.201", t.email(Role.PRACTITIONER), PASSWORD).expect(200);
    }

    @Test
    void theSignInPageSaysHowLongToWait() {
        // the page and the API share one throttle: a flood through one is slowed on the other
        String email = account("paged");
        for (int i = 0; i < 6; i++) { // from the test's own address, as the browser below
            assertEquals(401, api.post("/login", null, Map.of("username", email, "password", "wrong " + i)).status());
        }
        org.carespec.platform.test.Browser browser = new org.carespec.platform.test.Browser(server.getURI());
        java.net.http.HttpResponse<String> page = browser.signIn(email, PASSWORD);
        assertEquals(429, page.statusCode(), page.body());
        assertTrue(page.body().contains("Too many failed sign-ins. Wait"), page.body());
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoginService.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
