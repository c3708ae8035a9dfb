package org.carespec.platform.test;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every {@code @MicronautTest}: points the application at {@link TestDatabase} and gives it test secrets.
 * Tagged {@code integration}, so the wide mutation run (docs/testing.md) can leave these tests out.
 * Argon2 runs with small parameters here so that tests creating many accounts stay quick; the algorithm is the same.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {

    public static final String OPERATOR_EMAIL = "operator@tests.carespec";
    public static final String PASSWORD = "correct horse battery staple";
    /**
     * The day the platform's clock says it is in every integration test, whatever the machine's date: a Monday in
     * the third quarter of 2026-27, after the April to June 2026 case work most tests record. Tests that need
     * another day set {@code carespec.clock.start} in {@link #extraProperties()}.
     */
    public static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 30);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.get().micronautProperties().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("carespec.jwt.secret", "test-only-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz");
        properties.put("carespec.audit.key", "test-only-audit-key-0123456789-abcdefghijklmnopqrstuvwxyz");
        properties.put("carespec.encryption.key", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTAxMjM0NTY3");
        properties.put("carespec.demo.enabled", "false");
        properties.put("carespec.clock.start", TODAY + "T10:00:00Z");
        // The deadline watch runs when a test calls it, for the day the test names, not on its own clock.
        properties.put("carespec.deadlines.initial-delay", "24h");
        properties.put("micronaut.server.port", "-1"); // a free port: tests must not need 8080 to be idle
        properties.put("carespec.operator.email", OPERATOR_EMAIL);
        properties.put("carespec.operator.password", PASSWORD);
        properties.put("carespec.security.argon2.memory-kib", "1024");
        properties.put("carespec.security.argon2.iterations", "1");
        // every test signs in from the same address; LoginThrottleTest holds the per-address rule at its default
        properties.put("carespec.login.free-failures-per-address", "1000");
        // tests ask the API as fast as code can; ApiRateLimitTest holds the per-token limit
        properties.put("carespec.api.requests-per-second", "0");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
