package org.carespec.platform.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.deadline.service.DeadlineWatch;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.Test;

/**
 * The deadline watch on the fixture module's contract (from 1 April 2026; returns due 10 working days after each
 * quarter; annual report by 30 September; Mindful Employer by 1 October), run for days the test names.
 */
@MicronautTest(transactional = false)
class DeadlineWatchTest extends IntegrationTest {

    static final LocalDate AFTER_Q1_DEADLINE = LocalDate.of(2026, 7, 20); // Q1 was due 14 July 2026

    @Inject
    EmbeddedServer server;

    @Inject
    DeadlineWatch watch;

    @Test
    void itOpensEndedQuartersRaisesOverdueItemsOnceAndResolvesThemWhenDealtWith() {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        String contract = t.contract("fixture", Map.of());
        UUID tenant = UUID.fromString(t.id);

        // On 1 July, Q1 has ended and its return opens; nothing is overdue yet.
        assertEquals(Optional.of(new DeadlineWatch.Pass(1, 1, 0)), watch.watch(tenant, LocalDate.of(2026, 7, 1)));
        // On 20 July the Q1 return and the quarterly-return obligation are overdue; the annual report (30 Sept)
        // and Mindful Employer (1 Oct) are not.
        assertEquals(Optional.of(new DeadlineWatch.Pass(0, 2, 0)), watch.watch(tenant, AFTER_Q1_DEADLINE));
        assertEquals(Optional.of(new DeadlineWatch.Pass(0, 0, 0)), watch.watch(tenant, AFTER_Q1_DEADLINE),
                "a second pass raises nothing again");

        String manager = t.token(Role.PROVIDER_MANAGER);
        assertEquals(List.of("OBLIGATION_OVERDUE quarterly-return/2026-27-Q1", "RETURN_OPEN 2026-27-Q1",
                "RETURN_OVERDUE 2026-27-Q1"), kinds(api.get("/api/v1/alerts", manager).expect(200).json()));
        assertEquals(3, api.get("/api/v1/alerts", t.token(Role.COMMISSIONER)).expect(200).json().path("total").asInt());
        assertEquals(0, api.get("/api/v1/alerts", t.otherProviderManager).expect(200).json().path("total").asInt());
        assertEquals(0, api.get("/api/v1/alerts", TestTenant.create(api).token(Role.TENANT_ADMIN)).expect(200).json()
                .path("total").asInt());
        assertEquals(403, api.get("/api/v1/alerts", t.token(Role.PRACTITIONER)).status());

        // The return is submitted and the obligation recorded: the next pass resolves all three.
        api.post("/api/v1/contracts/" + contract + "/returns/2026-27-Q1/submit", manager, null).expect(200);
        api.post("/api/v1/contracts/" + contract + "/obligations/quarterly-return/2026-27-Q1/done", manager,
                Map.of("doneOn", "2026-07-21")).expect(200);
        assertEquals(Optional.of(new DeadlineWatch.Pass(0, 0, 3)), watch.watch(tenant, LocalDate.of(2026, 7, 22)));
        assertEquals(0, api.get("/api/v1/alerts", manager).expect(200).json().path("total").asInt());
        JsonNode all = api.get("/api/v1/alerts?open=false", manager).expect(200).json();
        assertEquals(3, all.path("total").asInt());
        all.path("items").forEach(a -> assertTrue(!a.path("resolvedAt").isNull(), a.toString()));

        // Sent back by the commissioner: the return is due again, and so are its alerts.
        api.post("/api/v1/contracts/" + contract + "/returns/2026-27-Q1/send-back", t.token(Role.COMMISSIONER),
                Map.of("comment", "CO12 does not match our referral log")).expect(200);
        assertEquals(Optional.of(new DeadlineWatch.Pass(0, 2, 0)), watch.watch(tenant, LocalDate.of(2026, 7, 23)));
        assertEquals(List.of("RETURN_OPEN 2026-27-Q1", "RETURN_OVERDUE 2026-27-Q1"),
                kinds(api.get("/api/v1/alerts", manager).expect(200).json()));
    }

    @Test
    void whileAnotherInstanceHoldsTheTenantsLockThisOneLeavesTheTenantAlone() throws Exception {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        t.contract("fixture", Map.of());
        UUID tenant = UUID.fromString(t.id);
        try (Connection other = TestDatabase.applicationConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('deadline-watch:' || ?))")) {
                lock.setString(1, t.id);
                lock.execute();
            }
            assertEquals(Optional.empty(), watch.watch(tenant, AFTER_Q1_DEADLINE));
            other.commit();
        }
        assertEquals(Optional.of(new DeadlineWatch.Pass(1, 3, 0)), watch.watch(tenant, AFTER_Q1_DEADLINE));
    }

    private static List<String> kinds(JsonNode page) {
        List<String> kinds = new ArrayList<>();
        page.path("items").forEach(a -> kinds.add(a.path("kind").asText() + " " + a.path("subject").asText()));
        kinds.sort(String::compareTo);
        return kinds;
    }
}
