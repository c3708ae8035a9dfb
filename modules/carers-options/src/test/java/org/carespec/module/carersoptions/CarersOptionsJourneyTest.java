package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/**
 * The whole of issue 5's "done", through the API alone: a practitioner takes a carer from referral to Well-being
 * Plan and review (§4.11, §4.12), the provider's manager submits the quarter's return, the commissioner approves
 * it; and another tenant's people, like another provider's, see none of it.
 */
@MicronautTest(transactional = false)
class CarersOptionsJourneyTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void fromReferralToPlanReviewAndAnApprovedReturn() {
        Api api = new Api(server);
        TestTenant kirklees = TestTenant.create(api);
        Casework work = Casework.practitioner(api, kirklees, CarersOptionsPlugin.ID, Map.of());
        String carer = work.person("Gita", "Shah", "1966-07-07", "HD5 8AA");
        String caredFor = work.person("Ravi", "Shah", "1994-04-04", "HD5 8AA");
        api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", caredFor, "kind", "CARER_OF")).expect(201);

        // §4.10: referred by a mental health professional on Tuesday 5 May 2026 (the day after a bank holiday).
        JsonNode referral = work.refer(carer, "2026-05-05T09:00:00", "MENTAL_HEALTH_PROFESSIONAL", Map.of(
                "referrer", Map.of("name", "Sam Okafor", "organisation", "Huddersfield CMHT"),
                "relationshipToCaredFor", "PARENT", "caredForSeriousMentalIllHealth", true,
                "caredForAssessedMentalHealthNeed", true, "significantCaring", true,
                "supportsEmployment", true), List.of(caredFor)).expect(201).json();
        String id = referral.path("id").asText();
        assertTrue(referral.path("eligibility").path("eligible").asBoolean(), referral.toString());
        assertEquals("HIGH", referral.path("priority").asText());
        // §4.11: day 3 is Friday 8 May, day 10 is Tuesday 19 May.
        assertEquals("2026-05-08", Casework.clock(referral, "first-contact").path("dueDate").asText());
        assertEquals("2026-05-19", Casework.clock(referral, "initial-meeting").path("dueDate").asText());

        work.event(id, "CONTACTED", "2026-05-06T11:00:00", null).expect(201);
        work.event(id, "FIRST_VISIT", "2026-05-12T14:00:00", null).expect(201);
        api.post("/api/v1/contracts/" + work.contract + "/records/assessment", work.token, Map.of("personId", carer,
                "referralId", id, "recordedOn", "2026-05-12", "data", Map.of("hopesAndAspirations",
                        "Back to work three days a week", "risk", Map.of("level", "LOW"),
                        "servicesWanted", List.of("BREAKS", "SUPPORT_GROUP"), "complete", true))).expect(201);
        work.event(id, "ASSESSED", "2026-05-12T15:00:00", null).expect(201);
        work.event(id, "ACCEPTED", "2026-05-13T09:00:00", null).expect(201);
        // §4.12 "or more frequently": this plan is to be reviewed every three months, sooner than the contract's six
        String plan = api.post("/api/v1/referrals/" + id + "/plans", work.token, Map.of("agreedOn", "2026-05-20",
                "reviewMonths", 3, "goals", List.of(Map.of("title", "A regular break each week"),
                        Map.of("title", "Return to work")))).expect(201).id();
        work.breakFor(carer, id, "2026-05-27", 180, "AWAY_FROM_HOME").expect(201);
        String goal = api.get("/api/v1/plans/" + plan, work.token).expect(200).text("/goals/0/id");
        api.post("/api/v1/plans/" + plan + "/reviews", work.token, Map.of("reviewedOn", "2026-06-24",
                "goals", List.of(Map.of("goalId", goal, "progress", "SOME_PROGRESS")))).expect(201);

        JsonNode now = api.get("/api/v1/referrals/" + id, work.token).expect(200).json();
        assertEquals("MET", Casework.clock(now, "first-contact").path("status").asText());
        assertEquals("MET", Casework.clock(now, "initial-meeting").path("status").asText());
        // §4.12: three months (the plan's own interval, the shorter) after the review on 24 June, as the plan says.
        assertEquals("2026-09-24", Casework.clock(now, "plan-review").path("dueDate").asText());
        assertEquals("2026-09-24", api.get("/api/v1/plans/" + plan, work.token).expect(200).text("/nextReviewOn"));

        // The quarter's return: submitted by the manager, approved by the commissioner.
        String base = "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1";
        String manager = kirklees.token(Role.PROVIDER_MANAGER);
        api.post(base + "/narratives", manager, Map.of("code", "CO15", "text", "Evening support for working carers"))
                .expect(200);
        JsonNode submitted = api.post(base + "/submit", manager, null).expect(200).json();
        assertEquals("SUBMITTED", submitted.path("status").asText());
        // §5.3: submitting the return fulfils the quarterly-return obligation, with nothing recorded by hand.
        JsonNode duty = null;
        for (JsonNode o : api.get("/api/v1/contracts/" + work.contract + "/obligations?size=200", kirklees.token(
                Role.COMMISSIONER)).expect(200).json().path("items")) {
            if (o.path("code").asText().equals("quarterly-return")
                    && o.path("occurrence").asText().equals("2026-27-Q1")) {
                duty = o;
            }
        }
        assertEquals("DONE", duty.path("status").asText(), String.valueOf(duty));
        assertEquals("Return version 1 submitted", duty.path("note").asText());
        JsonNode approved = api.post(base + "/approve", kirklees.token(Role.COMMISSIONER), null).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText());
        JsonNode using = null;
        for (JsonNode line : approved.path("lines")) {
            if (line.path("code").asText().equals("CO01")) {
                using = line;
            }
        }
        assertEquals(1, using.path("value").asInt(), approved.toString());

        // Isolation: another tenant's users, and another provider of this tenant, see none of it.
        TestTenant dorset = TestTenant.create(api);
        // Whichever the role: refused by role (403) or told it does not exist (404), and nothing of the carer shown.
        for (Role role : List.of(Role.PRACTITIONER, Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)) {
            String token = dorset.token(role);
            for (String path : List.of("/api/v1/referrals/" + id, "/api/v1/persons/" + carer, base)) {
                var r = api.get(path, token);
                assertTrue(r.status() == 403 || r.status() == 404, role + " " + path + ": " + r.status());
                assertFalse(r.body().contains("Gita"), role + " " + path);
            }
            assertEquals(404, api.get("/api/v1/referrals/" + id, role == Role.PROVIDER_MANAGER
                    || role == Role.PRACTITIONER ? token : dorset.token(Role.PRACTITIONER)).status());
            var people = api.get("/api/v1/persons?size=200", token);
            assertFalse(people.body().contains(carer) || people.body().contains("Gita"), role.name());
        }
        assertEquals(404, api.get("/api/v1/referrals/" + id, kirklees.otherProviderManager).status());
        assertEquals(404, api.get(base, kirklees.otherProviderManager).status());
    }
}
