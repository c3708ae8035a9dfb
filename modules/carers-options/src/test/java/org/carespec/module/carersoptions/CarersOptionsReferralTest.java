package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referrals to the Carers Options service through the platform's API, against real PostgreSQL: who is eligible
 * (002 §1.6, §4.8, §4.9, §4.16), who comes first (§4.14), the response clocks (§4.11) and the service levels
 * (§4.4, §4.5). Dates are chosen so every age and working day can be counted by hand.
 */
@MicronautTest(transactional = false)
class CarersOptionsReferralTest extends IntegrationTest {

    /** Thursday 12 March 2026: day 3 is Tuesday 17 March, day 10 is Thursday 26 March (no bank holiday between). */
    static final String RECEIVED = "2026-03-12T10:15:00";

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    Casework work;

    @BeforeAll
    void aCarersOptionsContract() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, CarersOptionsPlugin.ID, Map.of());
    }

    @Test
    void aMentalHealthProfessionalsReferralOfAnEligibleCarerIsTakenWithItsTwoClocks() {
        String carer = work.person("Asha", "Carer", "1968-05-01", "HD1 2AB");
        String caredFor = caredFor(carer, "1995-09-09", "HD2 1AA");
        JsonNode r = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor)).expect(201).json();
        assertTrue(r.path("eligibility").path("eligible").asBoolean(), r.toString());
        assertEquals(0, r.path("eligibility").path("reasons").size(), r.toString());
        assertEquals(0, r.path("eligibility").path("flags").size(), r.toString());
        assertEquals("2026-03-17", Casework.clock(r, "first-contact").path("dueDate").asText());
        assertEquals("2026-03-26", Casework.clock(r, "initial-meeting").path("dueDate").asText());
        assertEquals("ROUTINE", r.path("priority").asText());
    }

    @Test
    void eachUnmetCriterionIsAReasonTheDeclineLetterCanQuote() {
        // A 17-year-old carer in Leeds caring for a 71-year-old who is neither family nor a friend and has no assessed
        // mental health need: five criteria unmet, each its own reason.
        String carer = work.person("Young", "Carer", "2008-06-01", "LS1 4AP");
        String caredFor = caredFor(carer, "1955-01-01", "HD1 1AA");
        JsonNode r = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of(
                "relationshipToCaredFor", "OTHER", "caredForAssessedMentalHealthNeed", false)), List.of(caredFor))
                .expect(201).json();
        assertFalse(r.path("eligibility").path("eligible").asBoolean());
        Map<String, String> reasons = new LinkedHashMap<>();
        r.path("eligibility").path("reasons").forEach(x -> reasons.put(x.path("rule").asText(),
                x.path("reason").asText()));
        assertEquals(List.of("carer-age", "cared-for-age", "resident-in-area", "mental-health-need",
                "family-or-friend"), new ArrayList<>(reasons.keySet()));
        assertEquals("The carer is 17; the service is for carers aged 18 and over (002 §1.6).",
                reasons.get("carer-age"));
        assertEquals("The person cared for was 71 on 2026-03-12, the date of referral; the service is for carers of"
                + " people aged 18 to 64 (002 §1.6, §4.16).", reasons.get("cared-for-age"));
        assertEquals("The carer (LS1 4AP) lives outside Kirklees; both the carer and the person cared for must live"
                + " within its boundaries (002 §1.6).", reasons.get("resident-in-area"));
    }

    @Test
    void theAgeBandIsJudgedOnTheDateOfReferral() {
        String carer = work.person("Band", "Edge", "1970-01-01", "HD1 2AB");
        // 65 on 13 March 2026, the day after the referral: still 64 when referred.
        String caredFor = caredFor(carer, "1961-03-13", "HD1 2AB");
        JsonNode r = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor)).expect(201).json();
        assertTrue(r.path("eligibility").path("eligible").asBoolean(), r.toString());
    }

    @Test
    void aSelfReferralIsTakenForContactAndFlaggedForACarersLedAssessment() {
        String carer = work.person("Self", "Referrer", "1980-02-02", "WF13 1AA");
        String caredFor = caredFor(carer, "2000-02-02", "WF13 1AA");
        JsonNode r = work.refer(carer, RECEIVED, "SELF", Map.of("relationshipToCaredFor", "CHILD",
                "hoursCaringPerWeek", 35), List.of(caredFor)).expect(201).json();
        assertTrue(r.path("eligibility").path("eligible").asBoolean(), r.toString());
        List<String> flags = new ArrayList<>();
        r.path("eligibility").path("flags").forEach(x -> flags.add(x.path("rule").asText()));
        assertEquals(List.of("mental-health-need", "self-referral-cla", "self-referral-caring-role"), flags);
        // §4.9: at first contact the worker establishes the caring role and the need, and amends the referral
        JsonNode confirmed = api.send("PUT", "/api/v1/referrals/" + r.path("id").asText() + "/data", work.token,
                Map.of("data", Map.of("relationshipToCaredFor", "CHILD", "hoursCaringPerWeek", 35,
                        "significantCaring", true, "caredForSeriousMentalIllHealth", true,
                        "caredForAssessedMentalHealthNeed", true), "reason", "Confirmed at first contact"), Map.of())
                .expect(200).json();
        List<String> after = new ArrayList<>();
        confirmed.path("eligibility").path("flags").forEach(x -> after.add(x.path("rule").asText()));
        assertEquals(List.of("self-referral-cla"), after, "only the CLA referral remains to do");
        // The professional's form is not the self-referral's: a self-referral has no referrer block.
        ApiResponse wrongForm = work.refer(carer, RECEIVED, "SELF", professional(Map.of()), List.of(caredFor));
        assertEquals(400, wrongForm.status());
    }

    @Test
    void aCarerWhoseCaringMayBreakDownOrWhoseJobIsAtStakeComesFirst() {
        String carer = work.person("Priority", "Carer", "1975-03-03", "HD3 3AA");
        String caredFor = caredFor(carer, "1999-09-09", "HD3 3AA");
        JsonNode r = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL",
                professional(Map.of("caringAtRiskOfBreakdown", true)), List.of(caredFor)).expect(201).json();
        assertEquals("HIGH", r.path("priority").asText());
        assertEquals("The caring situation is in danger of breaking down without support for the carer (002 §4.14).",
                r.path("priorityReasons").get(0).path("reason").asText());
        JsonNode work2 = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL",
                professional(Map.of("supportsEmployment", true)), List.of(caredFor)).expect(201).json();
        assertEquals("HIGH", work2.path("priority").asText());
    }

    @Test
    void moreThanFourHoursAWeekNeedsACompletedCarersLedAssessmentOnRecord() {
        String carer = work.person("Enhanced", "Carer", "1972-04-04", "HD4 4AA");
        String caredFor = caredFor(carer, "1998-08-08", "HD4 4AA");
        String id = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor)).expect(201).id();
        String level = "/api/v1/referrals/" + id + "/service-level";
        ApiResponse basicTooLong = api.post(level, work.token, Map.of("level", "BASIC", "hoursPerWeek", 6));
        assertEquals(409, basicTooLong.status());
        assertEquals("A basic service is at most 4 hours a week (002 §4.4); more than that is an enhanced service.",
                basicTooLong.text("/detail"));
        ApiResponse enhanced = api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 6));
        assertEquals(409, enhanced.status());
        assertTrue(enhanced.text("/detail").contains("needs a completed Carers Led Assessment"), enhanced.body());
        api.post(level, work.token, Map.of("level", "BASIC", "hoursPerWeek", 4)).expect(200);
        // A CLA that did not identify enhanced support does not open the way; one that did, does.
        api.post("/api/v1/contracts/" + work.contract + "/records/cla-outcome", work.token, Map.of("personId", carer,
                "data", Map.of("assessedOn", "2026-03-20", "complete", true, "enhancedSupportIdentified", false)))
                .expect(201);
        assertEquals(409, api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 6)).status());
        // A CLA on record under another contract (even of this module, for this person) is not this contract's.
        String other = tenant.contract(CarersOptionsPlugin.ID, Map.of());
        api.post("/api/v1/contracts/" + other + "/records/cla-outcome", work.token, Map.of("personId", carer,
                "data", Map.of("assessedOn", "2026-03-25", "complete", true, "enhancedSupportIdentified", true,
                        "hoursPerWeekIdentified", 8))).expect(201);
        ApiResponse elsewhere = api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 6));
        assertEquals(409, elsewhere.status(), elsewhere.body());
        assertTrue(elsewhere.text("/detail").contains("under this contract"), elsewhere.body());
        api.post("/api/v1/contracts/" + work.contract + "/records/cla-outcome", work.token, Map.of("personId", carer,
                "data", Map.of("assessedOn", "2026-03-27", "complete", true, "enhancedSupportIdentified", true,
                        "hoursPerWeekIdentified", 6))).expect(201);
        // §4.5: no more than the hours the CLA identified; §4.4/§4.5: 4 hours or fewer is a basic service
        ApiResponse tooMany = api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 7));
        assertEquals(409, tooMany.status(), tooMany.body());
        assertEquals("The Carers Led Assessment identified 6 hours a week (002 §4.5); an enhanced service may not"
                + " give more.", tooMany.text("/detail"));
        ApiResponse tooFew = api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 2));
        assertEquals(409, tooFew.status(), tooFew.body());
        assertEquals("An enhanced service is more than 4 hours a week (002 §4.5); 2 hours is a basic service.",
                tooFew.text("/detail"));
        assertEquals(409, api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 4)).status(),
                "exactly the ceiling is still basic");
        assertEquals("ENHANCED", api.post(level, work.token, Map.of("level", "ENHANCED", "hoursPerWeek", 6))
                .expect(200).json().path("serviceLevel").asText());
    }

    @Test
    void aServiceLevelIsOnlyForACarerFoundEligible() {
        String carer = work.person("Leeds", "Carer", "1970-01-01", "LS6 2AB");
        String id = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor(carer, "1990-01-01", "LS6 2AB"))).expect(201).id();
        ApiResponse refused = api.post("/api/v1/referrals/" + id + "/service-level", work.token,
                Map.of("level", "BASIC", "hoursPerWeek", 2));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.text("/detail").contains("only for a carer found eligible (002 §4.4)"), refused.body());
    }

    @Test
    void aDeclinedReferralsLetterGivesTheFullReasonAndCopiesTheContractManager() {
        api.patch("/api/v1/contracts/" + work.contract, tenant.token(Role.TENANT_ADMIN),
                Map.of("contractManagerName", "Pat Contract")).expect(200);
        String carer = work.person("Out", "OfArea", "1970-01-01", "LS6 2AB");
        String id = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor(carer, "1990-01-01", "LS6 2AB"))).expect(201).id();
        work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason", "OUTSIDE_AREA",
                "note", "Mr OfArea and his son live in Leeds; Leeds Carers can help.")).expect(201);
        String letter = api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).expect(200).body();
        assertTrue(letter.contains("Dear Dr Ada Lovelace,"), letter);
        assertTrue(letter.contains("The carer or the person cared for lives outside Kirklees"), letter);
        assertTrue(letter.contains("Leeds Carers can help"), letter);
        assertTrue(letter.contains("Copy to: Pat Contract, Contract Manager"), letter);
    }

    @Test
    void theLetterGoesToTheCareCoordinatorWhenTheReferralNamesOne() {
        // §4.13: "to the Care Co-ordinator, or individual as appropriate with a copy to the Contract Manager"
        String carer = work.person("Co", "Ordinated", "1970-01-01", "LS6 2AB");
        String id = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of("careCoordinator",
                Map.of("name", "Sam Keyworker", "team", "Dewsbury CMHT", "address", "Halifax Road, Dewsbury"))),
                List.of(caredFor(carer, "1990-01-01", "LS6 2AB"))).expect(201).id();
        work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason", "OUTSIDE_AREA",
                "note", "They live in Leeds.")).expect(201);
        String letter = api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).expect(200).body();
        assertTrue(letter.contains("Dear Sam Keyworker,"), letter);
        assertTrue(letter.contains("Dewsbury CMHT"), letter);
        assertTrue(letter.contains("Copy to:"), letter);
        // without a reason in words, no decline at all
        String other = work.refer(work.person("No", "Words", "1970-01-01", "HD1 2AB"), RECEIVED,
                "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()), List.of()).expect(201).id();
        assertEquals(List.of("note"), work.event(other, "DECLINED", "2026-03-13T10:00:00", Map.of("reason", "OTHER"))
                .expect(400).problemFields());
    }

    @Test
    void aCarerWhoWithdrawsIsClosedWithoutALetterAndIsNoReasonNotAccepted() {
        String carer = work.person("With", "Drew", "1970-01-01", "HD1 2AB");
        String id = work.refer(carer, RECEIVED, "MENTAL_HEALTH_PROFESSIONAL", professional(Map.of()),
                List.of(caredFor(carer, "1990-01-01", "HD1 2AB"))).expect(201).id();
        assertEquals(List.of("reason"), work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason",
                "DECLINED_BY_CARER", "note", "Changed their mind")).expect(400).problemFields(),
                "withdrawing is not a reason the service declines");
        work.event(id, "CLOSED", "2026-03-13T10:00:00", Map.of("outcome", Map.of("result", "WITHDRAWN",
                "reason", "NOT_TAKEN_UP"))).expect(201);
        assertEquals(409, api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).status());
    }

    @Test
    void aVolunteerWhoseInHouseTrainingHasLapsedCannotSupportABreak() {
        String manager = tenant.token(Role.PROVIDER_MANAGER);
        String volunteer = api.post("/api/v1/workers", manager, Map.of("name", "Val Unteer", "kind", "VOLUNTEER"))
                .expect(201).id();
        api.post("/api/v1/workers/" + volunteer + "/training", manager, Map.of("trainingCode", "in-house-training",
                "completedOn", "2024-11-01")).expect(201);
        String carer = work.person("Break", "Taker", "1970-01-01", "HD1 2AB");
        Map<String, Object> breakWithVolunteer = Map.of("personId", carer, "type", "BREAK",
                "occurredOn", "2026-03-20", "durationMinutes", 180, "workerId", volunteer,
                "data", Map.of("breakType", "AT_HOME"));
        // a break that names nobody would step round the gate: every break names who gave it
        ApiResponse nobody = api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, Map.of(
                "personId", carer, "type", "BREAK", "occurredOn", "2026-03-20", "durationMinutes", 180,
                "data", Map.of("breakType", "AT_HOME")));
        assertEquals(409, nobody.status(), nobody.body());
        assertTrue(nobody.text("/detail").contains("must name the worker who gave it (workerId)"), nobody.body());
        // nor may a volunteer out of date help at a carers' group
        ApiResponse group = api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "SUPPORT_GROUP", "title", "Tuesday carers", "heldOn", "2026-03-17", "place", "Library",
                "facilitatorIds", List.of(volunteer)));
        assertEquals(409, group.status(), group.body());
        assertTrue(group.text("/detail").contains("in-house"), group.body());
        api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "REFERRER_AWARENESS", "title", "For GPs", "heldOn", "2026-03-17", "place", "Surgery",
                "facilitatorIds", List.of(volunteer))).expect(201);
        ApiResponse refused = api.post("/api/v1/contracts/" + work.contract + "/activities", work.token,
                breakWithVolunteer);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.text("/detail").contains("in-house"), refused.body());
        api.post("/api/v1/workers/" + volunteer + "/training", manager, Map.of("trainingCode", "in-house-training",
                "completedOn", "2026-02-01")).expect(201);
        api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, breakWithVolunteer).expect(201);
    }

    @Test
    void aBreakNamesItsTypeAndAnAgencyIsOneCodeThatTheContractMayAddTo() {
        String carer = work.person("Code", "Checked", "1970-01-01", "HD1 2AB");
        String activities = "/api/v1/contracts/" + work.contract + "/activities";
        // §3.3: one way to record a break, with its type from the module's list
        Map<String, Object> untyped = new LinkedHashMap<>(Map.of("personId", carer, "type", "BREAK",
                "occurredOn", "2026-03-20", "durationMinutes", 120, "workerId", work.staffWorker()));
        ApiResponse noType = api.post(activities, work.token, untyped);
        assertEquals(400, noType.status(), noType.body());
        assertEquals(List.of("data.breakType"), noType.problemFields(), noType.body());
        untyped.put("data", Map.of("breakType", "A_DAY_OUT"));
        ApiResponse unknownType = api.post(activities, work.token, untyped);
        assertEquals(400, unknownType.status(), unknownType.body());
        assertEquals(List.of("data.breakType"), unknownType.problemFields(), unknownType.body());
        assertTrue(unknownType.body().contains("AT_HOME"), unknownType.body());
        assertEquals(201, work.breakFor(carer, null, "2026-03-20", 120, "COMMUNITY_RESOURCES").status());
        // §5.4 links with other services: "Shelter" and "shelter " would be two links; a code is one
        Map<String, Object> signposted = new LinkedHashMap<>(Map.of("personId", carer, "type", "SIGNPOSTING",
                "occurredOn", "2026-03-20", "durationMinutes", 10, "agency", "shelter "));
        ApiResponse freeText = api.post(activities, work.token, signposted);
        assertEquals(400, freeText.status(), freeText.body());
        assertEquals(List.of("agency"), freeText.problemFields(), freeText.body());
        signposted.put("agency", "SHELTER");
        api.post(activities, work.token, signposted).expect(201);
        // a commissioner adds a local agency to the contract's list, without a deployment
        signposted.put("agency", "HOLME_VALLEY_CARERS");
        assertEquals(400, api.post(activities, work.token, signposted).status());
        api.post("/api/v1/contracts/" + work.contract + "/code-lists/agency/codes", tenant.token(Role.COMMISSIONER),
                Map.of("code", "HOLME_VALLEY_CARERS", "label", "Holme Valley carers' group")).expect(201);
        api.post(activities, work.token, signposted).expect(201);
    }

    /** A cared-for person, linked to the carer as CARER_OF. */
    private String caredFor(String carer, String dateOfBirth, String postcode) {
        String person = work.person("Cared", "For", dateOfBirth, postcode);
        api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", person, "kind", "CARER_OF")).expect(201);
        return person;
    }

    private static Map<String, Object> professional(Map<String, Object> overrides) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referrer", Map.of("name", "Dr Ada Lovelace", "role", "Care co-ordinator",
                "organisation", "Kirklees Community Mental Health Team"));
        data.put("relationshipToCaredFor", "PARENT");
        data.put("caredForSeriousMentalIllHealth", true);
        data.put("caredForAssessedMentalHealthNeed", true);
        data.put("significantCaring", true);
        data.putAll(overrides);
        return data;
    }
}
