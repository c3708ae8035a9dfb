package org.carespec.platform.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contract's obligation schedule from the fixture module's duties (an annual report by 30 September, a quarterly
 * return 10 working days after each quarter, Mindful Employer within six months), as it stands on the test day.
 */
@MicronautTest(transactional = false)
class ObligationApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Inject
    java.time.Clock clock;

    Api api;
    TestTenant t;
    String contract;
    String path;

    @BeforeAll
    void aContractFromApril2026() {
        api = new Api(server);
        t = TestTenant.create(api);
        contract = t.contract("fixture", Map.of());
        path = "/api/v1/contracts/" + contract + "/obligations";
    }

    @Test
    void theScheduleListsEachOccurrenceWithItsDueDateAndStatus() {
        // A contract of its own: another test records duties as done on the shared one.
        String untouched = "/api/v1/contracts/" + t.contract("fixture", Map.of()) + "/obligations";
        JsonNode schedule = api.get(untouched + "?size=200", t.token(Role.COMMISSIONER)).expect(200).json()
                .path("items");
        List<String> seen = new ArrayList<>();
        schedule.forEach(o -> seen.add(o.path("code").asText() + "/" + o.path("occurrence").asText() + "/"
                + o.path("dueDate").asText()));
        assertTrue(seen.contains("quarterly-return/2026-27-Q1/2026-07-14"), seen.toString());
        assertTrue(seen.contains("annual-report/2026/2026-09-30"), seen.toString());
        assertTrue(seen.contains("mindful-employer/once/2026-10-01"), seen.toString());
        JsonNode first = schedule.get(0);
        assertEquals("2026-07-14", first.path("dueDate").asText(), "soonest first");
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        assertEquals(TODAY, today, "the suite's clock");
        for (JsonNode o : schedule) {
            java.time.LocalDate due = java.time.LocalDate.parse(o.path("dueDate").asText());
            assertEquals(today.isAfter(due) ? "OVERDUE" : "DUE", o.path("status").asText(), o.toString());
            assertTrue(!due.isAfter(today.plusYears(1)), "a year ahead at most: " + o);
        }
    }

    @Test
    void theProvidersManagerRecordsWhatWasDone() {
        String manager = t.token(Role.PROVIDER_MANAGER);
        JsonNode done = api.post(path + "/annual-report/2026/done", manager,
                Map.of("doneOn", "2026-09-28", "note", "Sent to the contract manager")).expect(200).json();
        assertEquals("DONE", done.path("status").asText());
        assertEquals("2026-09-28", done.path("doneOn").asText());
        JsonNode seen = find(api.get(path + "?size=200", t.token(Role.COMMISSIONER)).json().path("items"),
                "annual-report", "2026");
        assertEquals("DONE", seen.path("status").asText());
        assertEquals("Sent to the contract manager", seen.path("note").asText());

        assertEquals(403, api.post(path + "/annual-report/2026/done", t.token(Role.COMMISSIONER),
                Map.of("doneOn", "2026-09-28")).status());
        assertEquals(404, api.post(path + "/annual-report/2031/done", manager, Map.of("doneOn", "2026-09-28"))
                .status());
        assertEquals(404, api.post(path + "/no-such-duty/once/done", manager, Map.of("doneOn", "2026-09-28"))
                .status());
        assertEquals(List.of("doneOn"), api.post(path + "/mindful-employer/once/done", manager,
                Map.of("doneOn", "2999-01-01")).expect(400).problemFields());
        assertEquals(404, api.get(path, t.otherProviderManager).status());
        assertEquals(404, api.get(path, TestTenant.create(api).token(Role.COMMISSIONER)).status());
        assertEquals(403, api.get(path, t.token(Role.PRACTITIONER)).status());
    }

    @Test
    void anObligationThatFollowsAReferralEventFallsDueOncePerReferralFromItsFirstSuchEvent() {
        Casework work = Casework.practitioner(api, t, "fixture", Map.of());
        String path = "/api/v1/contracts/" + work.contract + "/obligations";
        String referral = work.refer(work.person("Mob", "Ilise", null, null), "2026-05-04T10:00:00", "GP", null, null)
                .expect(201).id();
        for (String type : List.of("CONTACTED", "ASSESSED", "ACCEPTED")) {
            work.event(referral, type, "2026-05-05T10:00:00", null).expect(201);
        }
        work.event(referral, "PLAN_AGREED", "2026-05-11T10:00:00", null).expect(201);
        work.event(referral, "PLAN_AGREED", "2026-06-15T10:00:00", null).expect(201); // agreed again: no new one
        String unplanned = work.refer(work.person("No", "Plan", null, null), "2026-05-04T10:00:00", "GP", null, null)
                .expect(201).id();
        JsonNode schedule = api.get(path + "?size=200", t.token(Role.COMMISSIONER)).expect(200).json()
                .path("items");
        JsonNode mobilisation = find(schedule, "mobilisation", referral);
        assertEquals("2026-09-28", mobilisation.path("dueDate").asText(), "20 weeks after 11 May 2026");
        int count = 0;
        for (JsonNode o : schedule) {
            if (o.path("code").asText().equals("mobilisation")) {
                count++;
                assertTrue(!o.path("occurrence").asText().equals(unplanned), "a referral without a plan");
            }
        }
        assertEquals(1, count);
        String manager = t.token(Role.PROVIDER_MANAGER);
        assertEquals("DONE", api.post(path + "/mobilisation/" + referral + "/done", manager,
                Map.of("doneOn", "2026-09-01")).expect(200).json().path("status").asText());
        assertEquals(404, api.post(path + "/mobilisation/" + unplanned + "/done", manager,
                Map.of("doneOn", "2026-09-01")).status());
    }

    private static JsonNode find(JsonNode schedule, String code, String occurrence) {
        for (JsonNode o : schedule) {
            if (o.path("code").asText().equals(code) && o.path("occurrence").asText().equals(occurrence)) {
                return o;
            }
        }
        throw new AssertionError(code + "/" + occurrence + " not in " + schedule);
    }
}
