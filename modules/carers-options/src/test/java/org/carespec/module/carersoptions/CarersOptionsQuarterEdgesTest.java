package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.ReturnLines;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2026-27 Q1 return (1 April to 30 June 2026) when work lies on both sides of the quarter: every kind of record
 * the return counts is kept on 31 March and 1 July, just outside, and on 1 April or 30 June, just inside, so a line
 * whose date filter loses or moves either bound counts what it must not. Hand-counted:
 *
 * <pre>
 * contract from 1 July 2025
 * Before   referred and declined 31 Mar (not family or friend); a break, a CLA referral, a re-assessment referral,
 *          signposting to Shelter and a complaint, all 31 Mar
 * In       referred 1 Apr, contacted 1 Apr, accepted and first visit 2 Apr, closed 30 Jun moving on to employment;
 *          breaks (the first, on the day of referral, starts her service)
 *          1 Apr (2 h) and 30 Jun (1 h), CLA referral 1 Apr, re-assessment referral 30 Jun, signposting to Shelter
 *          1 Apr (a regular link: used in March) and to Citizens Advice 30 Jun (new); a compliment 1 Apr and a
 *          complaint 30 Jun
 * Declined referred and declined 30 Jun (outside the area)
 * Waiting  referred 2 Jun, contacted 3 Jun, no meeting (due 16 Jun: missed; waiting 28 days on 30 June)
 * Late     referred 1 Jun, contacted 2 Jun, accepted and first visit 3 Jun, closed 1 Jul moving on to volunteering
 * Early    referred 2 Jan, contacted 5 Jan, accepted and first visit 6 Jan, closed 31 Mar having left before
 *          meeting goals
 * After    referred 1 Jul and closed that day, withdrawn (no contact); a break, a CLA referral, a re-assessment
 *          referral, signposting
 *          to Jobcentre Plus, a complaint and a compliment, all 1 Jul
 * Next     referred 1 Jul, contacted 2 Jul
 * GroupBefore, GroupAfter  at a support group on 31 Mar and 1 Jul, and nothing else
 * Plans agreed 30 Sep 2025, 1 Oct 2025, 30 Dec 2025 and 2 Jan 2026: six-monthly reviews due 30 Mar, 1 Apr,
 *          30 Jun and 2 Jul 2026, none done; each carer in service since their plan
 * Using the service (CO01): In, Late and the four with plans; In's son, cared for during her breaks, apart.
 * </pre>
 */
@MicronautTest(transactional = false)
class CarersOptionsQuarterEdgesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    Casework work;
    JsonNode q1;

    @BeforeAll
    void workOnBothSidesOfTheQuarter() {
        api = new Api(server);
        TestTenant tenant = TestTenant.create(api);
        work = new Casework(api, tenant, tenant.contract(CarersOptionsPlugin.ID, tenant.provider, Map.of(),
                "2025-07-01"), tenant.token(Role.PRACTITIONER));

        String before = carer("Before", true);
        declined(refer(before, "2026-03-31T10:00:00"), "2026-03-31T11:00:00", "NOT_FAMILY_OR_FRIEND");
        activities(before, "2026-03-31", "SHELTER");
        feedback("COMPLAINT", "2026-03-31");

        String in = carer("In", false);
        String rIn = refer(in, "2026-04-01T09:00:00");
        visited(rIn, "2026-04-01T12:00:00", "2026-04-02T10:00:00");
        event(rIn, "CLOSED", "2026-06-30T16:00:00", Map.of("outcome", Map.of("result", "MOVED_ON",
                "destination", "EMPLOYMENT")));
        activity(in, "BREAK", "2026-04-01", 120, null);
        activity(in, "BREAK", "2026-06-30", 60, null);
        activity(in, "CLA_REFERRAL", "2026-04-01", 20, null);
        activity(in, "REASSESSMENT_REFERRAL", "2026-06-30", 20, null);
        activity(in, "SIGNPOSTING", "2026-04-01", 10, "SHELTER");
        activity(in, "SIGNPOSTING", "2026-06-30", 10, "CITIZENS_ADVICE");
        feedback("COMPLIMENT", "2026-04-01");
        feedback("COMPLAINT", "2026-06-30");

        declined(refer(carer("Declined", false), "2026-06-30T10:00:00"), "2026-06-30T11:00:00", "OUTSIDE_AREA");
        event(refer(carer("Waiting", false), "2026-06-02T10:00:00"), "CONTACTED", "2026-06-03T10:00:00", Map.of());
        String rLate = refer(carer("Late", false), "2026-06-01T10:00:00");
        visited(rLate, "2026-06-02T10:00:00", "2026-06-03T10:00:00");
        event(rLate, "CLOSED", "2026-07-01T10:00:00", Map.of("outcome", Map.of("result", "MOVED_ON",
                "destination", "VOLUNTEERING")));
        String rEarly = refer(carer("Early", false), "2026-01-02T10:00:00");
        visited(rEarly, "2026-01-05T10:00:00", "2026-01-06T10:00:00");
        event(rEarly, "CLOSED", "2026-03-31T10:00:00", Map.of("outcome", Map.of("result", "LEFT_BEFORE_GOALS_MET",
                "reason", "MOVED_AWAY")));

        String after = carer("After", true);
        event(refer(after, "2026-07-01T10:00:00"), "CLOSED", "2026-07-01T11:00:00", Map.of("outcome",
                Map.of("result", "WITHDRAWN", "reason", "NO_CONTACT")));
        activities(after, "2026-07-01", "JOBCENTRE_PLUS");
        feedback("COMPLAINT", "2026-07-01");
        feedback("COMPLIMENT", "2026-07-01");
        event(refer(carer("Next", false), "2026-07-01T09:00:00"), "CONTACTED", "2026-07-02T10:00:00", Map.of());

        group("2026-03-31", carer("GroupBefore", true));
        group("2026-07-01", carer("GroupAfter", true));

        for (String agreed : List.of("2025-09-30", "2025-10-01", "2025-12-30", "2026-01-02")) {
            String r = refer(carer("Plan " + agreed, false), agreed + "T09:00:00");
            visited(r, agreed + "T10:00:00", agreed + "T11:00:00");
            event(r, "PLAN_AGREED", agreed + "T12:00:00", Map.of());
        }

        q1 = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1",
                tenant.token(Role.PROVIDER_MANAGER)).expect(200).json();
    }

    @Test
    void onlyTheQuartersOwnActivitiesAndGroupsCountTowardsPeopleUsingTheService() {
        assertEquals(6, value("CO01"), "In, Late and the four in service since their plans; not Before, After,"
                + " Waiting, Early or the groups of 31 March and 1 July");
        assertEquals(Map.of("separately/cared-for people supported for a break", 1), cells("CO01"), "In's son");
        assertEquals(Map.of("age-gender/18_64 FEMALE", 6), cells("CO07"));
        assertEquals(0, value("CO08"), "the veterans used the service outside the quarter");
        assertEquals(Map.of("ethnicity/99", 6), cells("CO09"));
        assertEquals(1, value("CO04"), "In's CLA referral on 1 April");
        assertEquals(1, value("CO05"), "In's re-assessment referral on 30 June");
        assertEquals(Map.of("who/CARER", 1), cells("CO05"));
        assertEquals(2, value("CO06"), "In's breaks on 1 April and 30 June");
        assertEquals(Map.of("break-type/AT_HOME", 1, "break-type/COMMUNITY_RESOURCES", 1, "measure/hours", 3),
                cells("CO06"), "one break of each type; three hours");
        assertEquals(Map.of("link/new", 1, "link/regular", 1), cells("CO17"),
                "Citizens Advice is new, Shelter was used in March; Jobcentre Plus is July's");
        assertEquals(585_199, value("CO22"), "a quarter of £140,447.72 in pence (3,511,193) for six carers");
    }

    @Test
    void onlyTheQuartersReferralsDeclinesEndingsAndFeedbackCount() {
        assertEquals(Map.of("source/MENTAL_HEALTH_PROFESSIONAL", 4), cells("CO12"), "In, Declined, Waiting, Late");
        assertEquals(Map.of("reason/OUTSIDE_AREA", 1), cells("CO13"));
        assertEquals(0, value("CO14"), "Early left on 31 March");
        assertEquals(Map.of("destination/EMPLOYMENT", 1), cells("CO16"), "Late moved on on 1 July");
        assertEquals(1, value("CO10"), "the complaint of 30 June");
        assertEquals(1, value("CO11"), "the compliment of 1 April");
    }

    @Test
    void onlyTheQuartersClocksCount() {
        assertEquals(1, value("CO02"), "Waiting; Late was in service from 3 June, Next was referred on 1 July");
        assertEquals(28, value("CO03"), "2 June to 30 June");
        assertEquals(28, cells("CO03").get("measure/longest"));
        JsonNode started = line("CO03").path("breakdown").get(1);
        assertEquals("median to start of service (started this quarter)", started.path("category").asText());
        assertEquals(0, BigDecimal.ONE.compareTo(started.path("value").decimalValue()),
                "In's service started with her break on the day of referral (0 days), Late's at 3 June (2): " + started);
        JsonNode contact = line("CO19");
        assertEquals(3, contact.path("denominator").asInt(), "In, Waiting and Late; not Early or Next");
        assertEquals(3, contact.path("numerator").asInt());
        JsonNode meeting = line("CO20");
        assertEquals(3, meeting.path("denominator").asInt(), "In, Waiting and Late");
        assertEquals(2, meeting.path("numerator").asInt(), "Waiting's meeting was due on 16 June");
        JsonNode reviews = line("CO21");
        assertEquals(2, reviews.path("denominator").asInt(), "reviews due 1 April and 30 June; not 30 March or 2 July");
        assertEquals(0, reviews.path("numerator").asInt());
    }

    private int value(String code) {
        return new ReturnLines(q1).value(code);
    }

    private Map<String, Integer> cells(String code) {
        return new ReturnLines(q1).cells(code);
    }

    private JsonNode line(String code) {
        return new ReturnLines(q1).line(code);
    }

    /** A carer in Kirklees born in 1970, caring for their son; veterans of Asian Indian ethnicity (C). */
    private String carer(String name, boolean veteran) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", name);
        body.put("familyName", "Carer");
        body.put("dateOfBirth", "1970-06-01");
        body.put("postcode", "HD1 2AB");
        body.put("equality", veteran ? Map.of("sex", "MALE", "ethnicity", "C", "armedForces", "VETERAN")
                : Map.of("sex", "FEMALE"));
        String carer = api.post("/api/v1/persons", work.token, body).expect(201).id();
        String son = work.person(name + "'s", "Son", "1995-01-01", "HD1 2AB");
        api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", son, "kind", "CARER_OF")).expect(201);
        caredFor.put(carer, son);
        return carer;
    }

    private final Map<String, String> caredFor = new LinkedHashMap<>();

    private String refer(String carer, String at) {
        return work.refer(carer, at, "MENTAL_HEALTH_PROFESSIONAL", Map.of(
                "referrer", Map.of("name", "Dr Ada", "organisation", "CMHT"), "relationshipToCaredFor", "PARENT",
                "caredForSeriousMentalIllHealth", true, "caredForAssessedMentalHealthNeed", true,
                "significantCaring", true), List.of(caredFor.get(carer))).expect(201).id();
    }

    private void visited(String referral, String contacted, String visited) {
        event(referral, "CONTACTED", contacted, Map.of());
        event(referral, "ACCEPTED", visited, Map.of());
        event(referral, "FIRST_VISIT", visited, Map.of());
    }

    private void declined(String referral, String at, String reason) {
        event(referral, "DECLINED", at, Map.of("reason", reason, "note", "The written reason"));
    }

    private void event(String referral, String type, String at, Map<String, Object> extra) {
        work.event(referral, type, at, extra).expect(201);
    }

    /** One of each activity the return counts, all on one day. */
    private void activities(String person, String on, String agency) {
        activity(person, "BREAK", on, 90, null);
        activity(person, "CLA_REFERRAL", on, 20, null);
        activity(person, "REASSESSMENT_REFERRAL", on, 20, null);
        activity(person, "SIGNPOSTING", on, 10, agency);
    }

    private void activity(String person, String type, String on, int minutes, String agency) {
        if (type.equals("BREAK")) { // a break names its type and who gave it (§3.3, §4.17)
            work.breakFor(person, null, on, minutes, on.endsWith("-06-30") ? "COMMUNITY_RESOURCES" : "AT_HOME")
                    .expect(201);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        body.put("type", type);
        body.put("occurredOn", on);
        body.put("durationMinutes", minutes);
        if (agency != null) {
            body.put("agency", agency);
        }
        api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, body).expect(201);
    }

    private void feedback(String kind, String on) {
        api.post("/api/v1/contracts/" + work.contract + "/feedback", work.token, Map.of("kind", kind,
                "receivedOn", on, "summary", "Feedback", "shareInReturn", false)).expect(201);
    }

    private void group(String on, String attendee) {
        String session = api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "SUPPORT_GROUP", "title", "Carers' group", "heldOn", on, "place", "Library"))
                .expect(201).id();
        api.send("PUT", "/api/v1/group-sessions/" + session + "/attendance", work.token, Map.of(
                "personIds", List.of(attendee)), Map.of()).expect(200);
    }
}
