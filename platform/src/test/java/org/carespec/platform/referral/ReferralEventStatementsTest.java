package org.carespec.platform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.StatementLog;
import org.carespec.platform.test.TestTenant;
import org.junit.jupiter.api.Test;

/** Recording an event reads the referral (locked) and its contract once each, whatever else the answer shows. */
@MicronautTest(transactional = false)
class ReferralEventStatementsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Inject
    StatementLog log;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.test.statement-log", "true");
    }

    @Test
    void anEventReadsTheReferralAndItsContractOnceEach() {
        Api api = new Api(server);
        Casework work = Casework.practitioner(api, TestTenant.create(api), "fixture", Map.of());
        String referral = work.refer(work.person("Stan", "Tement", "1970-01-01", null), "2026-05-04T10:00:00", "GP",
                null, null).expect(201).id();

        log.listen();
        String status = work.event(referral, "CONTACTED", "2026-05-05T10:00:00", Map.of("note", "Rang the carer"))
                .expect(201).text("/status");
        List<String> sent = log.stop();

        assertEquals("CONTACTED", status);
        assertEquals(1, count(sent, s -> s.matches("(?i)select \\* from referral where .* for update")), sent.toString());
        assertEquals(0, count(sent, s -> s.matches("(?i)select \\* from referral where .*") && !s.contains("for update")),
                "no second read of the referral: " + sent);
        assertEquals(1, count(sent, s -> s.toLowerCase().matches(".*from \"?contract\"?[ _].*")), sent.toString());
        assertEquals(1, count(sent, s -> s.toLowerCase().contains("from referral_event")), sent.toString());
        assertTrue(sent.stream().anyMatch(s -> s.toLowerCase().startsWith("insert into referral_event")));
    }

    private static long count(List<String> statements, Predicate<String> which) {
        return statements.stream().filter(which).count();
    }
}
