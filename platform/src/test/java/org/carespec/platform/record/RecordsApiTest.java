package org.carespec.platform.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.RawDatabase;
import org.carespec.platform.test.ReturnLines;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records declared by modules, through the one generic API, on the two test shapes of seeds still to be built
 * (CommunityDevelopmentShape like 001, ShortBreaksShape like 004): contract-level records, headcounts by
 * dimension, an enforced code list a contract extends, a lifecycle, a link, an encrypted field, a clock with two
 * stops, a conditional clock and a clock stopped by a record's status, each isolated between tenants and providers
 * and counted in a return.
 */
@MicronautTest(transactional = false)
class RecordsApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant a;
    TestTenant b;
    Casework cdw;
    Casework breaks;
    String cdwOfB;

    @BeforeAll
    void twoTenants() {
        api = new Api(server);
        a = TestTenant.create(api);
        b = TestTenant.create(api);
        cdw = Casework.practitioner(api, a, "cdw-shape", Map.of());
        breaks = new Casework(api, a, a.contractForPart("short-breaks-shape", "part-2"), a.token(Role.PRACTITIONER));
        cdwOfB = b.contract("cdw-shape", Map.of());
    }

    private ApiResponse create(Casework work, String type, Map<String, Object> body) {
        return api.post("/api/v1/contracts/" + work.contract + "/records/" + type, work.token, body);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void aContractLevelRecordHasNoPersonAndRefusesOne() {
        JsonNode session = create(cdw, "training-session", body("recordedOn", "2026-05-12", "data",
                Map.of("topic", "Cultural capability", "attendees", 12))).expect(201).json();
        assertFalse(session.has("personId"), session.toString());
        assertEquals("Training session delivered", session.path("title").asText());
        String person = cdw.person("Ann", "Other", null, null);
        ApiResponse refused = create(cdw, "training-session", body("personId", person, "data",
                Map.of("topic", "x", "attendees", 1))).expect(400);
        assertEquals(List.of("personId"), refused.problemFields());
    }

    @Test
    void headcountsAreCheckedAgainstTheirListAndTotalledPerDimensionInTheReturn() {
        assertEquals(List.of("data.bySex.X"), create(cdw, "training-session", body("recordedOn", "2026-06-02", "data",
                Map.of("topic", "x", "attendees", 3, "bySex", Map.of("X", 3)))).expect(400).problemFields());
        assertEquals(List.of("data.byRace.WHITE"), create(cdw, "training-session", body("recordedOn", "2026-06-02",
                "data", Map.of("topic", "x", "attendees", 3, "byRace", Map.of("WHITE", -1)))).expect(400)
                .problemFields());
        Casework fresh = Casework.practitioner(api, a, "cdw-shape", Map.of());
        create(fresh, "training-session", body("recordedOn", "2026-05-12", "data", Map.of("topic", "Stigma",
                "attendees", 10, "bySex", Map.of("F", 6, "M", 4), "byRace", Map.of("WHITE", 7, "ASIAN", 2,
                        "NOT_KNOWN", 1)))).expect(201);
        create(fresh, "training-session", body("recordedOn", "2026-06-20", "data", Map.of("topic", "Access",
                "attendees", 5, "bySex", Map.of("F", 5)))).expect(201);
        create(fresh, "training-session", body("recordedOn", "2026-07-01", "data", Map.of("topic", "Next quarter",
                "attendees", 50))).expect(201);
        ReturnLines q1 = new ReturnLines(api.get("/api/v1/contracts/" + fresh.contract + "/returns/2026-27-Q1",
                a.token(Role.PROVIDER_MANAGER)).expect(200).json());
        assertEquals(2, q1.value("TR1"));
        assertEquals(15, q1.value("TR2"));
        assertEquals(Map.of("sex/F", 11, "sex/M", 4, "race/WHITE", 7, "race/ASIAN", 2, "race/NOT_KNOWN", 1),
                q1.cells("TR2"));
    }

    @Test
    void aCodeListIsEnforcedAndAContractMayExtendItWithoutADeployment() {
        Map<String, Object> foodbank = body("recordedOn", "2026-05-12", "data",
                Map.of("partners", List.of("DREC", "FOODBANK")));
        ApiResponse unknown = create(cdw, "engagement", foodbank).expect(400);
        assertEquals(List.of("data.partners[1]"), unknown.problemFields());
        String path = "/api/v1/contracts/" + cdw.contract + "/code-lists/agency";
        Map<String, Object> local = Map.of("code", "FOODBANK", "label", "Town foodbank", "group", "Voluntary");
        api.post(path + "/codes", a.token(Role.PRACTITIONER), local).expect(403);
        api.post(path + "/codes", b.token(Role.COMMISSIONER), local).expect(404);
        JsonNode list = api.post(path + "/codes", a.token(Role.COMMISSIONER), local).expect(201).json();
        assertEquals("FOODBANK", list.path("entries").get(2).path("code").asText());
        assertTrue(list.path("entries").get(2).path("local").asBoolean());
        assertEquals(409, api.post(path + "/codes", a.token(Role.COMMISSIONER), local).status());
        assertEquals(List.of("code"), api.post(path + "/codes", a.token(Role.COMMISSIONER),
                Map.of("code", "LA", "label", "Again")).expect(400).problemFields());
        create(cdw, "engagement", foodbank).expect(201);
        // another contract of the module, in another tenant, has not added it
        Casework inB = new Casework(api, b, cdwOfB, b.token(Role.PRACTITIONER));
        assertEquals(List.of("data.partners[1]"), create(inB, "engagement", foodbank).expect(400).problemFields());
    }

    @Test
    void anActionLinksToItsMeetingAndMovesThroughItsLifecycle() {
        String meeting = create(cdw, "working-group-meeting", body("recordedOn", "2026-05-12", "data",
                Map.of("notes", "Pan Dorset working group"))).expect(201).id();
        String session = create(cdw, "training-session", body("data", Map.of("topic", "x", "attendees", 1)))
                .expect(201).id();
        assertEquals(List.of("links.meeting"), create(cdw, "working-group-action", body("data",
                Map.of("action", "Write to GPs"))).expect(400).problemFields());
        assertEquals(List.of("links.meeting"), create(cdw, "working-group-action", body("data",
                Map.of("action", "Write to GPs"), "links", Map.of("meeting", session))).expect(400).problemFields());
        assertEquals(List.of("links.minutes"), create(cdw, "working-group-action", body("data",
                Map.of("action", "x"), "links", Map.of("meeting", meeting, "minutes", meeting))).expect(400)
                .problemFields());
        JsonNode action = create(cdw, "working-group-action", body("recordedOn", "2026-05-12", "data",
                Map.of("action", "Write to GPs", "owner", "DREC"), "links", Map.of("meeting", meeting)))
                .expect(201).json();
        assertEquals("OPEN", action.path("status").asText());
        assertEquals(meeting, action.path("links").path("meeting").asText());
        String id = action.path("id").asText();
        JsonNode done = api.post("/api/v1/records/" + id + "/moves", cdw.token, Map.of("status", "DONE",
                "on", "2026-05-20")).expect(200).json();
        assertEquals("DONE", done.path("status").asText());
        assertEquals("2026-05-20", done.path("statusOn").asText());
        assertEquals(2, done.path("revision").asInt());
        ApiResponse back = api.post("/api/v1/records/" + id + "/moves", cdw.token, Map.of("status", "OPEN"));
        assertEquals(409, back.status());
        assertTrue(back.text("/detail").contains("The record is DONE"), back.body());
        assertEquals(List.of("status"), api.post("/api/v1/records/" + id + "/moves", cdw.token,
                Map.of("status", "LOST")).expect(400).problemFields());
        assertEquals(409, api.post("/api/v1/records/" + meeting + "/moves", cdw.token, Map.of("status", "DONE"))
                .status(), "a type without a lifecycle has no moves");
        // amending keeps the state before as a revision and refuses a stale revision
        api.send("PUT", "/api/v1/records/" + id, cdw.token, Map.of("revision", 1, "data",
                Map.of("action", "Write to all GPs")), Map.of()).expect(409);
        JsonNode amended = api.send("PUT", "/api/v1/records/" + id, cdw.token, Map.of("revision", 2, "data",
                Map.of("action", "Write to all GPs", "owner", "LA")), Map.of()).expect(200).json();
        assertEquals("Write to all GPs", amended.path("data").path("action").asText());
        assertEquals(meeting, amended.path("links").path("meeting").asText(), "links kept when not sent");
        assertEquals(3, amended.path("revision").asInt());
        Casework fresh = Casework.practitioner(api, a, "cdw-shape", Map.of());
        String m = create(fresh, "working-group-meeting", body("data", Map.of("notes", "n"))).expect(201).id();
        String open = create(fresh, "working-group-action", body("data", Map.of("action", "a"), "links",
                Map.of("meeting", m))).expect(201).id();
        String closed = create(fresh, "working-group-action", body("data", Map.of("action", "b"), "links",
                Map.of("meeting", m))).expect(201).id();
        api.post("/api/v1/records/" + closed + "/moves", fresh.token, Map.of("status", "DONE")).expect(200);
        assertEquals(1, new ReturnLines(api.get("/api/v1/contracts/" + fresh.contract + "/returns/2026-27-Q1",
                a.token(Role.PROVIDER_MANAGER)).expect(200).json()).value("WG1"), "one of " + open + ", " + closed);
    }

    @Test
    void aRestrictedFieldIsEncryptedSeenOnlyByItsPermissionsHoldersAndAReadIsAudited() throws SQLException {
        String child = breaks.person("Sam", "Child", "2015-03-01", null);
        String secret = "KEYSAFE-" + a.slug;
        String manager = a.token(Role.PROVIDER_MANAGER);
        ApiResponse notAllowed = create(breaks, "care-plan", body("personId", child, "data",
                Map.of("summary", "Two visits a week", "keySafeCode", secret)));
        assertEquals(403, notAllowed.status(), notAllowed.body());
        assertTrue(notAllowed.text("/detail").contains("data.keySafeCode needs the permission 'read-key-safe-code'"),
                notAllowed.body());
        String id = api.post("/api/v1/contracts/" + breaks.contract + "/records/care-plan", manager, body("personId",
                child, "data", Map.of("summary", "Two visits a week", "keySafeCode", secret))).expect(201).id();
        JsonNode read = api.get("/api/v1/records/" + id, manager).expect(200).json();
        assertEquals(secret, read.path("data").path("keySafeCode").asText());
        JsonNode seenByPractitioner = api.get("/api/v1/records/" + id, breaks.token).expect(200).json();
        assertFalse(seenByPractitioner.path("data").has("keySafeCode"), seenByPractitioner.toString());
        // a practitioner's amendment keeps the code they cannot see
        api.send("PUT", "/api/v1/records/" + id, breaks.token, Map.of("revision", 1, "data",
                Map.of("summary", "Three visits a week")), Map.of()).expect(200);
        assertEquals(secret, api.get("/api/v1/records/" + id, manager).expect(200).json().path("data")
                .path("keySafeCode").asText());
        RawDatabase.Scan scan = RawDatabase.search(List.of(secret, "Three visits a week"));
        assertTrue(scan.rows("public.record") > 0 && scan.rows("public.record_revision") > 0,
                scan.rowsByTable().toString());
        assertEquals(List.of(), scan.of(secret), "neither the record nor its revision holds the code in clear");
        assertEquals(List.of(new RawDatabase.Finding("public.record", "data", "Three visits a week")),
                scan.of("Three visits a week").stream().filter(f -> f.table().equals("public.record")).toList());
        JsonNode events = api.get("/api/v1/audit/events?entityId=" + id, a.token(Role.PROVIDER_MANAGER))
                .expect(200).json();
        List<String> actions = new java.util.ArrayList<>();
        events.path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.contains("read"), actions.toString());
        assertEquals(List.of("personId"), create(breaks, "care-plan", body("data", Map.of("summary", "x")))
                .expect(400).problemFields());
    }

    @Test
    void recordsAreIsolatedBetweenTenantsAndProviders() {
        String child = breaks.person("Isla", "Child", "2014-01-01", null);
        String id = create(breaks, "care-plan", body("personId", child, "data", Map.of("summary", "s"))).expect(201)
                .id();
        String action = create(cdw, "working-group-meeting", body("data", Map.of("notes", "n"))).expect(201).id();
        Map<String, String> outsiders = Map.of("tenant B practitioner", b.token(Role.PRACTITIONER),
                "tenant B manager", b.token(Role.PROVIDER_MANAGER),
                "other provider's practitioner", a.otherProviderPractitioner,
                "other provider's manager", a.otherProviderManager);
        for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
            for (String record : List.of(id, action)) {
                assertEquals(404, api.get("/api/v1/records/" + record, outsider.getValue()).status(), outsider.getKey());
                assertEquals(404, api.post("/api/v1/records/" + record + "/moves", outsider.getValue(),
                        Map.of("status", "DONE")).status(), outsider.getKey());
                assertEquals(404, api.send("PUT", "/api/v1/records/" + record, outsider.getValue(),
                        Map.of("revision", 1, "data", Map.of("summary", "x")), Map.of()).status(), outsider.getKey());
            }
            assertEquals(404, api.get("/api/v1/contracts/" + breaks.contract + "/records/care-plan",
                    outsider.getValue()).status(), outsider.getKey());
            assertEquals(404, api.post("/api/v1/contracts/" + cdw.contract + "/records/working-group-meeting",
                    outsider.getValue(), body("data", Map.of("notes", "n"))).status(), outsider.getKey());
        }
        for (Role role : List.of(Role.COMMISSIONER, Role.TENANT_ADMIN, Role.VOLUNTEER)) {
            assertEquals(403, api.get("/api/v1/records/" + id, a.token(role)).status(), role.name());
        }
        // a link may not point into another tenant's or another contract's records
        Casework inB = new Casework(api, b, cdwOfB, b.token(Role.PRACTITIONER));
        assertEquals(List.of("links.meeting"), create(inB, "working-group-action", body("data", Map.of("action", "x"),
                "links", Map.of("meeting", action))).expect(400).problemFields());
        JsonNode list = api.get("/api/v1/contracts/" + breaks.contract + "/records/care-plan?personId=" + child,
                breaks.token).expect(200).json();
        assertEquals(1, list.path("total").asInt());
    }

    @Test
    void aClockWithTwoStopsIsMetByADeclineAndAConditionalClockRunsOnlyWhenItsConditionHolds() {
        String child = breaks.person("Ola", "Child", "2016-02-01", null);
        String declined = breaks.refer(child, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        breaks.event(declined, "DECLINED", "2026-05-06T10:00:00", Map.of("reason", "NO_CAPACITY", "note",
                "No worker in the area")).expect(201);
        JsonNode r6 = Casework.clock(api.get("/api/v1/referrals/" + declined, breaks.token).expect(200).json(),
                "r6-response");
        assertEquals("2026-05-06", r6.path("metAt").asText(), r6.toString());

        String urgent = cdw.refer(cdw.person("Una", "Urgent", null, null), "2026-05-04T10:00:00", "DRE",
                Map.of("urgency", "URGENT"), null).expect(201).id();
        String routine = cdw.refer(cdw.person("Rob", "Routine", null, null), "2026-05-04T10:00:00", "STAKEHOLDER",
                Map.of("urgency", "ROUTINE"), null).expect(201).id();
        assertEquals(List.of("data.referredBy"), cdw.refer(cdw.person("Rae", "Referred", null, null),
                "2026-05-04T10:00:00", "DRE", Map.of("urgency", "ROUTINE", "referredBy", "NOPE"), null).expect(400)
                .problemFields(), "a referral form's code-list field is enforced too");
        JsonNode u = api.get("/api/v1/referrals/" + urgent, cdw.token).expect(200).json();
        JsonNode r = api.get("/api/v1/referrals/" + routine, cdw.token).expect(200).json();
        assertEquals("2026-05-05", Casework.clock(u, "urgent-response").path("dueDate").asText());
        assertEquals("NOT_STARTED", Casework.clock(u, "routine-response").path("status").asText());
        assertEquals("2026-05-18", Casework.clock(r, "routine-response").path("dueDate").asText());
        assertEquals("NOT_STARTED", Casework.clock(r, "urgent-response").path("status").asText());
    }

    @Test
    void aModulesOwnReferralEventStopsItsClockWithoutChangingTheStatus() {
        String referral = cdw.refer(cdw.person("Res", "Ponded", null, null), "2026-05-04T10:00:00", "DRE",
                Map.of("urgency", "ROUTINE"), null).expect(201).id();
        String path = "/api/v1/referrals/" + referral + "/module-events";
        assertEquals("RESPONDED", api.get("/api/v1/modules/cdw-shape", cdw.token).expect(200).json()
                .path("referralEvents").get(0).path("code").asText());
        assertEquals(List.of("code"), api.post(path, cdw.token, Map.of("code", "SIGNPOSTED")).expect(400)
                .problemFields());
        assertEquals(404, api.post(path, cdw.otherToken(), Map.of("code", "RESPONDED")).status());
        JsonNode after = api.post(path, cdw.token, Map.of("code", "RESPONDED", "occurredAt", "2026-05-07T11:00:00",
                "note", "Phoned the group's chair")).expect(201).json();
        assertEquals("RECEIVED", after.path("status").asText());
        assertEquals("Request responded to", after.path("moduleEvents").get(0).path("title").asText());
        assertEquals("Phoned the group's chair", after.path("moduleEvents").get(0).path("note").asText());
        assertEquals("2026-05-07", Casework.clock(after, "response-given").path("metAt").asText());
        cdw.event(referral, "DECLINED", "2026-05-08T10:00:00", Map.of("reason", "OTHER", "note", "Not for us"))
                .expect(201);
        assertEquals(409, api.post(path, cdw.token, Map.of("code", "RESPONDED")).status());
    }

    @Test
    void aClockStartsOnTheChildsSeventeenthBirthday() {
        String almostAdult = breaks.person("Ade", "Teen", "2009-06-01", null);
        String referral = breaks.refer(almostAdult, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        JsonNode clock = Casework.clock(api.get("/api/v1/referrals/" + referral, breaks.token).json(),
                "moving-on-plan");
        assertEquals("2026-06-01", clock.path("startedOn").asText(), clock.toString());
        assertEquals("2026-12-01", clock.path("dueDate").asText(), clock.toString());
        String unknown = breaks.person("Nod", "Ob", null, null);
        String noBirthday = breaks.refer(unknown, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        assertEquals("NOT_STARTED", Casework.clock(api.get("/api/v1/referrals/" + noBirthday, breaks.token).json(),
                "moving-on-plan").path("status").asText(), "no date of birth, no birthday");
    }

    @Test
    void aRecordReachingAStatusStopsAClock() {
        String child = breaks.person("Mo", "Child", "2013-06-01", null);
        String referral = breaks.refer(child, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        breaks.event(referral, "ACCEPTED", "2026-05-05T10:00:00", null).expect(201);
        breaks.event(referral, "FIRST_VISIT", "2026-05-07T10:00:00", null).expect(201);
        String solution = create(breaks, "support-solution", body("personId", child, "referralId", referral,
                "recordedOn", "2026-05-08", "data", Map.of("outcomes", List.of("Swimming on Saturdays")))).expect(201)
                .id();
        JsonNode before = Casework.clock(api.get("/api/v1/referrals/" + referral, breaks.token).json(),
                "r8-support-solution");
        assertEquals("2026-05-14", before.path("dueDate").asText(), before.toString());
        assertFalse(before.has("metAt"), "proposed is not agreed: " + before);
        api.post("/api/v1/records/" + solution + "/moves", breaks.token, Map.of("status", "AGREED", "on",
                "2026-05-12")).expect(200);
        JsonNode after = Casework.clock(api.get("/api/v1/referrals/" + referral, breaks.token).json(),
                "r8-support-solution");
        assertEquals("2026-05-12", after.path("metAt").asText(), after.toString());
    }

    @Test
    void aCarePlansOwnShorterReviewIntervalSetsItsReviewClockAndALongerOneDoesNot() {
        String often = breaks.person("Ola", "Often", "2014-02-01", null);
        String referral = breaks.refer(often, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        create(breaks, "care-plan", body("personId", often, "referralId", referral, "recordedOn", "2026-05-12",
                "data", Map.of("summary", "Reviewed quarterly", "reviewMonths", 3))).expect(201);
        JsonNode first = Casework.clock(api.get("/api/v1/referrals/" + referral, breaks.token).json(),
                "care-plan-review");
        assertEquals("2026-08-12", first.path("dueDate").asText(), "three months, not six: " + first);
        api.post("/api/v1/referrals/" + referral + "/module-events", breaks.token, Map.of("code",
                "CARE_PLAN_REVIEWED", "occurredAt", "2026-08-10T10:00:00")).expect(201);
        JsonNode second = Casework.clock(api.get("/api/v1/referrals/" + referral, breaks.token).json(),
                "care-plan-review");
        assertEquals(2, second.path("cycle").asInt(), second.toString());
        assertEquals("2026-11-10", second.path("dueDate").asText(), second.toString());

        String seldom = breaks.person("Sel", "Dom", "2014-02-01", null);
        String other = breaks.refer(seldom, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        create(breaks, "care-plan", body("personId", seldom, "referralId", other, "recordedOn", "2026-05-12",
                "data", Map.of("summary", "Yearly would be too late", "reviewMonths", 12))).expect(201);
        assertEquals("2026-11-12", Casework.clock(api.get("/api/v1/referrals/" + other, breaks.token).json(),
                "care-plan-review").path("dueDate").asText(), "the contract's six months win over a longer plan");
    }

    @Test
    void aModulesRuleDecidesWhoMayBeNamedOnCareWork() {
        String manager = a.token(Role.PROVIDER_MANAGER);
        String volunteer = api.post("/api/v1/workers", manager, Map.of("name", "Val Volunteer", "kind", "VOLUNTEER"))
                .expect(201).id();
        String nurse = api.post("/api/v1/workers", manager, Map.of("name", "Nia Nurse", "kind", "STAFF"))
                .expect(201).id();
        String child = breaks.person("Cal", "Visited", "2014-02-01", null);
        Map<String, Object> visit = new LinkedHashMap<>(Map.of("personId", child, "type", "VISIT",
                "occurredOn", "2026-05-20", "durationMinutes", 120, "workerId", volunteer));
        String path = "/api/v1/contracts/" + breaks.contract + "/activities";
        ApiResponse refused = api.post(path, breaks.token, visit);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("Care at home is delivered by trained care and support workers; a volunteer cannot be named on a"
                + " visit.", refused.text("/detail"));
        visit.put("workerId", nurse);
        api.post(path, breaks.token, visit).expect(201);
        visit.put("workerId", volunteer);
        visit.put("type", "PHONE");
        api.post(path, breaks.token, visit).expect(201);
    }

    @Test
    void aKpiThatFailsOnAContractsDataIsAProblemNamingTheKpi() {
        Casework defective = Casework.practitioner(api, a, "defective-kpi", Map.of());
        defective.refer(defective.person("One", "Referral", null, null), "2026-05-04T10:00:00", "GP", null, null)
                .expect(201);
        ApiResponse r = api.get("/api/v1/contracts/" + defective.contract + "/returns/2026-27-Q1",
                a.token(Role.PROVIDER_MANAGER));
        assertEquals(500, r.status());
        assertTrue(r.isProblem(), r.body());
        assertTrue(r.text("/detail").startsWith("KPI DK1 (test §9) could not be computed: "), r.body());
        assertTrue(r.text("/detail").contains("division by zero"), r.body());
    }
}
