package org.carespec.platform.casework;

import static org.carespec.platform.test.Casework.clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The work recorded around a referral: activities, groups, forms, plans and reviews, outcome readings, safeguarding,
 * and the workforce checks that decide who may be assigned to what. Uses the fixture module (see FixturePlugin).
 */
@MicronautTest(transactional = false)
class CaseRecordsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    CaseFile file;
    TestTenant t;
    String practitioner;
    String manager;
    String volunteer;

    @BeforeAll
    void world() {
        api = new Api(server);
        t = TestTenant.create(api);
        file = CaseFile.record(api, t);
        practitioner = t.token(Role.PRACTITIONER);
        manager = t.token(Role.PROVIDER_MANAGER);
        volunteer = t.token(Role.VOLUNTEER);
    }

    @Test
    void volunteersSeeGroupsAndAttendanceButNoNotesHealthOrSafeguarding() {
        JsonNode session = api.get("/api/v1/group-sessions/" + file.groupSession, volunteer).expect(200).json();
        assertEquals("Carys Evans", session.path("attendees").get(0).path("name").asText());
        assertTrue(session.path("notes").isMissingNode(), "no notes for volunteers");
        assertFalse(api.get("/api/v1/group-sessions", volunteer).expect(200).body().contains(CaseFile.SECRET));
        assertTrue(api.get("/api/v1/group-sessions/" + file.groupSession, practitioner).text("/notes")
                .endsWith(CaseFile.SECRET), "staff do see the notes");
        for (String path : List.of("/api/v1/persons/" + file.carer, "/api/v1/referrals/" + file.referral,
                "/api/v1/referrals", "/api/v1/activities/" + file.activity, "/api/v1/activities",
                "/api/v1/form-submissions/" + file.formSubmission, "/api/v1/plans/" + file.plan,
                "/api/v1/persons/" + file.carer + "/outcomes?instrument=star", "/api/v1/feedback",
                "/api/v1/safeguarding-concerns", "/api/v1/safeguarding-concerns/" + file.concern,
                "/api/v1/workers")) {
            ApiResponse r = api.get(path, volunteer);
            assertEquals(403, r.status(), path);
            assertFalse(r.body().contains(CaseFile.SECRET), path);
        }
    }

    @Test
    void attendanceCountsNamedPeopleAndHeadcountsAndCanBeCorrected() {
        JsonNode session = api.get("/api/v1/group-sessions/" + file.groupSession, practitioner).json();
        assertEquals(5, session.path("totalAttendance").asInt(), "one named carer and four unnamed");
        String id = api.post("/api/v1/contracts/" + file.contract + "/group-sessions", volunteer, Map.of(
                "type", "WORKSHOP", "heldOn", "2026-06-03")).expect(201).id();
        JsonNode corrected = api.send("PUT", "/api/v1/group-sessions/" + id + "/attendance", volunteer, Map.of(
                "personIds", List.of(file.carer, file.caredFor)), Map.of()).expect(200).json();
        assertEquals(2, corrected.path("totalAttendance").asInt());
        assertEquals(400, api.post("/api/v1/contracts/" + file.contract + "/group-sessions", practitioner, Map.of(
                "type", "KNITTING_CIRCLE", "heldOn", "2026-06-03")).status(), "the type comes from the module's list");
        ApiResponse stranger = api.send("PUT", "/api/v1/group-sessions/" + id + "/attendance", volunteer, Map.of(
                "personIds", List.of(java.util.UUID.randomUUID().toString())), Map.of());
        assertEquals(400, stranger.status());
        assertEquals(2, api.get("/api/v1/group-sessions/" + id, volunteer).json().path("totalAttendance").asInt(),
                "a refused correction changes nothing");
    }

    @Test
    void safeguardingIsSeenOnlyByTheManagerAndNamedLeads() {
        JsonNode receipt = api.post("/api/v1/contracts/" + file.contract + "/safeguarding-concerns", volunteer, Map.of(
                "aboutPersonId", file.carer, "raisedOn", "2026-06-01", "category", "FINANCIAL",
                "details", "Money going missing", "referredToLocalAuthority", false)).expect(201).json();
        assertEquals("OPEN", receipt.path("status").asText());
        assertTrue(receipt.path("details").isMissingNode(), "whoever raises a concern gets a receipt only");
        String concern = receipt.path("id").asText();
        assertEquals(403, api.get("/api/v1/safeguarding-concerns/" + concern, practitioner).status());
        assertEquals("Money going missing", api.get("/api/v1/safeguarding-concerns/" + concern, manager)
                .text("/details"));
        api.patch("/api/v1/users/" + t.userIds.get(Role.PRACTITIONER), manager, Map.of("safeguardingLead", true))
                .expect(200);
        assertEquals("Money going missing", api.get("/api/v1/safeguarding-concerns/" + concern, practitioner)
                .expect(200).text("/details"));
        JsonNode closed = api.patch("/api/v1/safeguarding-concerns/" + concern, practitioner, Map.of(
                "status", "CLOSED", "closedOn", "2026-06-10", "actionTaken", "Reported to the bank")).expect(200).json();
        assertEquals("CLOSED", closed.path("status").asText());
        api.patch("/api/v1/users/" + t.userIds.get(Role.PRACTITIONER), manager, Map.of("safeguardingLead", false))
                .expect(200);
        assertEquals(403, api.get("/api/v1/safeguarding-concerns", practitioner).status());
    }

    @Test
    void aVolunteerWithoutCurrentInductionCannotBeAssignedToABreak() {
        String fresh = api.post("/api/v1/workers", manager, Map.of("name", "New Volunteer", "kind", "VOLUNTEER"))
                .expect(201).id();
        Map<String, Object> aBreak = new LinkedHashMap<>();
        aBreak.put("personId", file.carer);
        aBreak.put("type", "BREAK");
        aBreak.put("occurredOn", "2026-06-02");
        aBreak.put("workerId", fresh);
        ApiResponse refused = api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, aBreak);
        assertEquals(409, refused.status());
        assertTrue(refused.text("/detail").contains("induction"), refused.body());

        api.post("/api/v1/workers/" + fresh + "/training", manager, Map.of("trainingCode", "induction",
                "completedOn", "2024-01-10")).expect(201);
        ApiResponse expired = api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, aBreak);
        assertEquals(409, expired.status(), "an induction from 2024 has run out after 12 months");

        api.post("/api/v1/workers/" + fresh + "/training", manager, Map.of("trainingCode", "induction",
                "completedOn", "2026-05-01")).expect(201);
        api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, aBreak).expect(201);

        Map<String, Object> call = new LinkedHashMap<>(aBreak);
        call.put("type", "PHONE");
        call.put("workerId", api.post("/api/v1/workers", manager, Map.of("name", "Untrained", "kind", "VOLUNTEER"))
                .expect(201).id());
        api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, call).expect(201);
        assertEquals(403, api.post("/api/v1/workers", practitioner, Map.of("name", "X", "kind", "STAFF")).status());
        assertEquals(400, api.post("/api/v1/workers/" + fresh + "/dbs-checks", manager, Map.of("level", "ENHANCED",
                "certificateNumber", "12AB", "issuedOn", "2026-01-01", "updateService", false,
                "recheckOn", "2029-01-01")).status());
    }

    @Test
    void activitiesNameTheAgencyForSignpostingAndReferralsOut() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", file.carer);
        out.put("referralId", file.referral);
        out.put("type", "REFERRAL_OUT");
        out.put("occurredOn", "2026-06-02");
        ApiResponse missing = api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, out);
        assertEquals(400, missing.status());
        assertEquals(List.of("agency"), missing.problemFields());
        out.put("agency", "Citizens Advice Kirklees");
        JsonNode made = api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, out)
                .expect(201).json();
        assertEquals("Citizens Advice Kirklees", made.path("agency").asText());
        out.put("type", "WELLBEING_WALK");
        api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, out).expect(201);
        out.put("type", "TEA_PARTY");
        assertEquals(List.of("type"), api.post("/api/v1/contracts/" + file.contract + "/activities", practitioner, out)
                .expect(400).problemFields());
    }

    @Test
    void formsAreValidatedAgainstTheModulesSchemaAndKeepTheirVersion() {
        JsonNode form = api.get("/api/v1/form-submissions/" + file.formSubmission, practitioner).expect(200).json();
        assertEquals("assessment", form.path("formCode").asText());
        assertEquals(1, form.path("formVersion").asInt());
        ApiResponse bad = api.post("/api/v1/contracts/" + file.contract + "/forms/assessment", practitioner, Map.of(
                "personId", file.carer, "data", Map.of("complete", "yes", "colour", "blue")));
        assertEquals(400, bad.status());
        assertTrue(bad.problemFields().stream().anyMatch(f -> f.contains("complete")), bad.body());
        assertEquals(404, api.post("/api/v1/contracts/" + file.contract + "/forms/no-such-form", practitioner, Map.of(
                "personId", file.carer, "data", Map.of())).status());
        assertEquals(1, api.get("/api/v1/persons/" + file.carer + "/form-submissions", practitioner).json()
                .path("items").size(), "the refused submissions left nothing behind");
    }

    @Test
    void aPlanIsReviewedOnItsCycleAndTheReviewClockFollowsIt() {
        JsonNode plan = api.get("/api/v1/plans/" + file.plan, practitioner).expect(200).json();
        assertEquals(6, plan.path("reviewMonths").asInt());
        assertEquals("2026-12-01", plan.path("nextReviewOn").asText(), "six months after the review on 1 June");
        assertEquals("SOME_PROGRESS", plan.path("goals").get(0).path("latestProgress").asText());
        JsonNode referral = api.get("/api/v1/referrals/" + file.referral, practitioner).json();
        JsonNode review = clock(referral, "plan-review");
        assertEquals("2026-12-01", review.path("dueDate").asText());
        ApiResponse unknownGoal = api.post("/api/v1/plans/" + file.plan + "/reviews", practitioner, Map.of(
                "reviewedOn", "2026-06-05", "goals", List.of(Map.of("goalId", java.util.UUID.randomUUID().toString(),
                        "progress", "ACHIEVED"))));
        assertEquals(400, unknownGoal.status());
    }

    @Test
    void outcomeReadingsGiveDistanceTravelledPerScale() {
        api.post("/api/v1/persons/" + file.carer + "/outcome-readings", practitioner, Map.of(
                "contractId", file.contract, "instrument", "star", "takenOn", "2026-06-21",
                "scores", Map.of("wellbeing", 7, "confidence", 3))).expect(201);
        JsonNode outcomes = api.get("/api/v1/persons/" + file.carer + "/outcomes?instrument=star", practitioner)
                .expect(200).json();
        assertEquals(2, outcomes.path("readings").size());
        assertEquals(4, outcomes.path("distanceTravelled").path("wellbeing").asInt());
        assertEquals(-1, outcomes.path("distanceTravelled").path("confidence").asInt());
        ApiResponse offScale = api.post("/api/v1/persons/" + file.carer + "/outcome-readings", practitioner, Map.of(
                "contractId", file.contract, "instrument", "star", "takenOn", "2026-06-22",
                "scores", Map.of("wellbeing", 11, "confidence", 3)));
        assertEquals(400, offScale.status());
        assertTrue(offScale.problemFields().stream().anyMatch(f -> f.contains("wellbeing")), offScale.body());
    }
}
