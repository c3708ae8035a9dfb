package org.carespec.platform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
 * A referral's form can be amended; eligibility and priority run again, and every verdict is kept with its time,
 * author and reason, so a crisis that arises after referral (000 §3.2) is recorded as it happened.
 */
@MicronautTest(transactional = false)
class ReferralAmendmentTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework work;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
    }

    @Test
    void aCrisisThatArisesLaterRaisesThePriorityAndBothVerdictsAreKept() {
        String person = work.person("Cara", "Later", "1980-01-01", null);
        String id = work.refer(person, "2026-05-04T10:00:00", "GP", Map.of("reason", "Low mood"), null).expect(201)
                .id();
        JsonNode amended = api.send("PUT", "/api/v1/referrals/" + id + "/data", work.token, Map.of("data",
                Map.of("reason", "Low mood", "crisis", true), "reason", "Lost their home on 6 May"), Map.of())
                .expect(200).json();
        assertEquals("HIGH", amended.path("priority").asText());
        assertTrue(amended.path("data").path("crisis").asBoolean());
        JsonNode verdicts = api.get("/api/v1/referrals/" + id + "/assessments", work.token).expect(200).json();
        assertEquals(2, verdicts.path("total").asInt());
        JsonNode first = verdicts.path("items").get(0);
        JsonNode second = verdicts.path("items").get(1);
        assertEquals("Received", first.path("reason").asText());
        assertEquals("ROUTINE", first.path("priority").asText());
        assertEquals("Lost their home on 6 May", second.path("reason").asText());
        assertEquals("HIGH", second.path("priority").asText());
        assertEquals(t.userIds.get(Role.PRACTITIONER), second.path("assessedBy").asText());
    }

    @Test
    void aConditionalClockFollowsAPriorityRaisedByAnAmendment() {
        Casework cdw = Casework.practitioner(api, t, "cdw-shape", Map.of());
        String id = cdw.refer(cdw.person("Rob", "Routine", null, null), "2026-05-04T10:00:00", "DRE",
                Map.of("urgency", "ROUTINE"), null).expect(201).id();
        JsonNode amended = api.send("PUT", "/api/v1/referrals/" + id + "/data", cdw.token, Map.of("data",
                Map.of("urgency", "URGENT"), "reason", "Request re-graded urgent"), Map.of()).expect(200).json();
        assertEquals("2026-05-05", Casework.clock(amended, "urgent-response").path("dueDate").asText());
        assertEquals("NOT_STARTED", Casework.clock(amended, "routine-response").path("status").asText());
    }

    @Test
    void badDataAnotherProvidersReferralAndAClosedReferralAreRefused() {
        String person = work.person("Bea", "Refused", "1980-01-01", null);
        String id = work.refer(person, "2026-05-04T10:00:00", "GP", null, null).expect(201).id();
        assertEquals(List.of("data.crisis"), api.send("PUT", "/api/v1/referrals/" + id + "/data", work.token,
                Map.of("data", Map.of("crisis", "yes"), "reason", "x"), Map.of()).expect(400).problemFields());
        assertEquals(List.of("reason"), api.send("PUT", "/api/v1/referrals/" + id + "/data", work.token,
                Map.of("data", Map.of()), Map.of()).expect(400).problemFields());
        assertEquals(404, api.send("PUT", "/api/v1/referrals/" + id + "/data", work.otherToken(),
                Map.of("data", Map.of(), "reason", "x"), Map.of()).status());
        assertEquals(404, api.get("/api/v1/referrals/" + id + "/assessments", work.otherToken()).status());
        work.event(id, "DECLINED", "2026-05-05T10:00:00", Map.of("reason", "NOT_ELIGIBLE", "note", "Not eligible")).expect(201);
        assertEquals(409, api.send("PUT", "/api/v1/referrals/" + id + "/data", work.token,
                Map.of("data", Map.of(), "reason", "x"), Map.of()).status());
    }
}
