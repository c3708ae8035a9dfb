package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * The second hand-counted quarter (issue 15): 2025-26 Q4, 1 January to 31 March 2026, the last quarter of a financial
 * year. Work runs across the year end into April, Easter (Good Friday 3 April, Easter Monday 6 April 2026) falls in
 * the response times of referrals received at the end of March, and two carers live in WF4, a postcode district that
 * straddles the Kirklees boundary. Every line is asserted against the count below, made on paper.
 *
 * <pre>
 * J  F 1962 veteran     MHP referral Mon 1 Dec 2025; contacted 2 Dec; visited 8 Dec; accepted; plan agreed 10 Dec
 *                       (six-monthly: review due 10 June, not this quarter); signposted to Carers Count 15 Dec;
 *                       at the carers' forum 26 Feb; referred for a re-assessment 16 Mar; left Mon 30 Mar before her
 *                       goals were met (moved away)
 * K  M 1990             MHP referral Mon 5 Jan; contacted Mon 12 Jan (due Thu 8 Jan: missed); visited Thu 15 Jan
 *                       (due Mon 19 Jan: met); accepted 16 Jan; withdrew 26 Jan before his service started
 *                       (WITHDRAWN, not taken up: not a decline, not a leaver)
 * E  F 1975 ethnic C    MHP referral Mon 2 Feb; contacted Wed 4 Feb (due Thu 5 Feb: met); visited Fri 13 Feb (due
 *                       Mon 16 Feb: met); accepted 16 Feb; plan agreed Fri 20 Feb to be reviewed monthly (the
 *                       plan's own interval, shorter than the contract's six months): due 20 Mar, reviewed 18 Mar;
 *                       breaks 3 Mar (at home, 4 h), 31 Mar (away from home, 3 h), 1 Apr (next quarter);
 *                       signposted to Carers Count 5 Mar (regular: J was, in December) and Citizens Advice 10 Mar
 *                       (new); at the forum 26 Feb. Her son referred for a re-assessment 24 Mar (an individual).
 * G  F 1985 WF4         MHP referral Mon 9 Mar; her council confirmed as Wakefield (E08000036): outside the area,
 *                       declined Wed 11 Mar, before her first contact fell due (Thu 12 Mar): neither met nor missed
 * H  M 1970             MHP referral Thu 19 Mar; contacted Mon 23 Mar (due Tue 24 Mar: met); referred for a CLA
 *                       25 Mar; initial meeting due Thu 2 Apr (next quarter's), visited 2 Apr; signposted to
 *                       Shelter 1 Apr (next quarter's)
 * F  M 1958 WF4         self-referral Tue 31 Mar, the quarter's last day; WF4 straddles the boundary and his council is
 *                       not yet confirmed: a flag for the worker, not a refusal; first contact due Tue 7 Apr, initial
 *                       meeting Thu 16 Apr (ten working days with Good Friday and Easter Monday between): neither
 *                       falls due in this quarter
 * a complaint on 2 Jan and one on 1 Apr; a compliment on 31 Mar
 * Using the service (CO01): J (in service from her plan until 30 Mar) and E (from her plan, and her breaks).
 * Waiting on 31 Mar (CO02): H (12 days) and F (0 days).
 * </pre>
 */
@MicronautTest(transactional = false)
class CarersOptionsYearEndQuarterTest extends IntegrationTest {

    private static final String MHP = "MENTAL_HEALTH_PROFESSIONAL";

    @Inject
    EmbeddedServer server;

    Api api;
    Casework work;
    JsonNode q4;
    JsonNode fReferral;

    @BeforeAll
    void aQuarterAcrossTheYearEnd() {
        api = new Api(server);
        TestTenant tenant = TestTenant.create(api);
        work = new Casework(api, tenant, tenant.contract(CarersOptionsPlugin.ID, tenant.provider, Map.of(),
                "2025-07-01"), tenant.token(Role.PRACTITIONER));

        String j = carer("J", "1962-06-01", "HD1 2AB", null, Map.of("sex", "FEMALE", "armedForces", "VETERAN"));
        String rj = refer(j, "2025-12-01T10:00:00", MHP);
        event(rj, "CONTACTED", "2025-12-02T10:00:00");
        event(rj, "FIRST_VISIT", "2025-12-08T10:00:00");
        event(rj, "ACCEPTED", "2025-12-08T11:00:00");
        plan(rj, "2025-12-10", null);
        activity(j, rj, "SIGNPOSTING", "2025-12-15", 10, "CARERS_COUNT");
        activity(j, rj, "REASSESSMENT_REFERRAL", "2026-03-16", 20, null);
        close(rj, "2026-03-30T15:00:00", Map.of("result", "LEFT_BEFORE_GOALS_MET", "reason", "MOVED_AWAY"));

        String k = carer("K", "1990-02-02", "HD1 2AB", null, Map.of("sex", "MALE"));
        String rk = refer(k, "2026-01-05T10:00:00", MHP);
        event(rk, "CONTACTED", "2026-01-12T10:00:00");
        event(rk, "FIRST_VISIT", "2026-01-15T10:00:00");
        event(rk, "ACCEPTED", "2026-01-16T10:00:00");
        close(rk, "2026-01-26T10:00:00", Map.of("result", "WITHDRAWN", "reason", "NOT_TAKEN_UP"));

        String e = carer("E", "1975-03-03", "HD1 2AB", null, Map.of("sex", "FEMALE", "ethnicity", "C"));
        String re = refer(e, "2026-02-02T10:00:00", MHP);
        event(re, "CONTACTED", "2026-02-04T10:00:00");
        event(re, "FIRST_VISIT", "2026-02-13T10:00:00");
        event(re, "ACCEPTED", "2026-02-16T10:00:00");
        String plan = plan(re, "2026-02-20", 1);
        String goal = api.get("/api/v1/plans/" + plan, work.token).expect(200).text("/goals/0/id");
        api.post("/api/v1/plans/" + plan + "/reviews", work.token, Map.of("reviewedOn", "2026-03-18",
                "goals", List.of(Map.of("goalId", goal, "progress", "SOME_PROGRESS")))).expect(201);
        work.breakFor(e, re, "2026-03-03", 240, "AT_HOME").expect(201);
        work.breakFor(e, re, "2026-03-31", 180, "AWAY_FROM_HOME").expect(201);
        work.breakFor(e, re, "2026-04-01", 120, "COMMUNITY_RESOURCES").expect(201);
        activity(e, re, "SIGNPOSTING", "2026-03-05", 10, "CARERS_COUNT");
        activity(e, re, "SIGNPOSTING", "2026-03-10", 10, "CITIZENS_ADVICE");
        activity(caredFor.get(e), null, "REASSESSMENT_REFERRAL", "2026-03-24", 20, null);

        String forum = api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "FORUM", "title", "Carers' forum", "heldOn", "2026-02-26", "place", "Town hall"))
                .expect(201).id();
        api.send("PUT", "/api/v1/group-sessions/" + forum + "/attendance", work.token, Map.of(
                "personIds", List.of(j, e)), Map.of()).expect(200);

        String g = carer("G", "1985-05-05", "WF4 3AB", "E08000036", Map.of("sex", "FEMALE"));
        String rg = refer(g, "2026-03-09T10:00:00", MHP);
        work.event(rg, "DECLINED", "2026-03-11T10:00:00", Map.of("reason", "OUTSIDE_AREA",
                "note", "Ms G lives in the Wakefield part of WF4; Carers Wakefield can help.")).expect(201);

        String h = carer("H", "1970-07-07", "HD1 2AB", null, Map.of("sex", "MALE"));
        String rh = refer(h, "2026-03-19T10:00:00", MHP);
        event(rh, "CONTACTED", "2026-03-23T10:00:00");
        activity(h, rh, "CLA_REFERRAL", "2026-03-25", 20, null);
        event(rh, "FIRST_VISIT", "2026-04-02T10:00:00");
        activity(h, rh, "SIGNPOSTING", "2026-04-01", 10, "SHELTER");

        String f = carer("F", "1958-08-08", "WF4 3AB", null, Map.of("sex", "MALE", "armedForces", "VETERAN"));
        fReferral = work.refer(f, "2026-03-31T16:00:00", "SELF", Map.of("relationshipToCaredFor", "PARENT"),
                List.of(caredFor.get(f))).expect(201).json();

        for (String[] feedback : List.of(new String[] {"COMPLAINT", "2026-01-02"},
                new String[] {"COMPLAINT", "2026-04-01"}, new String[] {"COMPLIMENT", "2026-03-31"})) {
            api.post("/api/v1/contracts/" + work.contract + "/feedback", work.token, Map.of("kind", feedback[0],
                    "receivedOn", feedback[1], "summary", "Feedback", "shareInReturn", false)).expect(201);
        }
        q4 = api.get("/api/v1/contracts/" + work.contract + "/returns/2025-26-Q4",
                tenant.token(Role.PROVIDER_MANAGER)).expect(200).json();
    }

    @Test
    void aStraddlingPostcodeIsAFlagAndAConfirmedCouncilDecides() {
        assertTrue(fReferral.path("eligibility").path("eligible").asBoolean(), fReferral.toString());
        List<String> flags = new ArrayList<>();
        fReferral.path("eligibility").path("flags").forEach(x -> flags.add(x.path("rule").asText()));
        assertTrue(flags.contains("resident-in-area"), flags.toString());
        // F's clocks run over Easter into the next quarter
        assertEquals("2026-04-07", Casework.clock(fReferral, "first-contact").path("dueDate").asText());
        assertEquals("2026-04-16", Casework.clock(fReferral, "initial-meeting").path("dueDate").asText());
        assertEquals(Map.of("reason/OUTSIDE_AREA", 1), cells("CO13"), "G, confirmed as living in Wakefield");
    }

    @Test
    void whoUsedTheServiceWaitedAndHowLong() {
        assertEquals(2, value("CO01"), "J and E; not K (withdrew first), G (declined), H and F (waiting)");
        assertEquals(Map.of("separately/cared-for people supported for a break", 1), cells("CO01"), "E's son");
        assertEquals(2, value("CO02"), "H and F, waiting on 31 March");
        assertEquals(6, value("CO03"), "the median of 12 days (H) and 0 days (F)");
        assertEquals(Map.of("measure/longest", 12, "measure/median to start of service (started this quarter)", 18),
                cells("CO03"), "E: 2 February to her plan on 20 February");
        assertEquals(1, value("CO04"), "H's CLA referral");
        assertEquals(2, value("CO05"), "J, a carer, and E's son, an individual");
        assertEquals(Map.of("who/CARER", 1, "who/INDIVIDUAL", 1), cells("CO05"));
    }

    @Test
    void breaksPeopleAndWhatTheySaid() {
        assertEquals(2, value("CO06"), "E's breaks of 3 and 31 March; 1 April is next quarter's");
        assertEquals(Map.of("break-type/AT_HOME", 1, "break-type/AWAY_FROM_HOME", 1, "measure/hours", 7),
                cells("CO06"));
        assertEquals(2, value("CO07"));
        assertEquals(Map.of("age-gender/18_64 FEMALE", 2), cells("CO07"), "J is 63 and E 51 on 31 March");
        assertEquals(1, value("CO08"), "J; F is a veteran but only waits");
        assertEquals(Map.of("ethnicity/C", 1, "ethnicity/99", 1), cells("CO09"));
        assertEquals(1, value("CO10"), "the complaint of 2 January; 1 April's is next quarter's");
        assertEquals(1, value("CO11"), "the compliment of 31 March");
    }

    @Test
    void referralsDeclinesLeaversAndLinks() {
        assertEquals(5, value("CO12"), "K, E, G, H and F; J was referred in December");
        assertEquals(Map.of("source/MENTAL_HEALTH_PROFESSIONAL", 4, "source/SELF", 1), cells("CO12"));
        assertEquals(1, value("CO13"), "G; K withdrew, which is not the service declining him");
        assertEquals(1, value("CO14"), "J left before her goals were met");
        assertEquals(Map.of("reason/MOVED_AWAY", 1), cells("CO14"));
        assertEquals(0, value("CO16"), "nobody moved on");
        assertEquals(2, value("CO17"), "Carers Count and Citizens Advice; Shelter was April's");
        assertEquals(Map.of("link/new", 1, "link/regular", 1), cells("CO17"),
                "Citizens Advice is new; Carers Count was used in December");
    }

    @Test
    void responseTimesAndReviewsCountTheClocksThatFellDueInTheQuarter() {
        JsonNode firstContact = line("CO19");
        assertEquals(2, firstContact.path("numerator").asInt(), "E and H met theirs");
        assertEquals(3, firstContact.path("denominator").asInt(), "K missed his; G's was void, F's is April's");
        assertEquals(0, new BigDecimal("66.7").compareTo(firstContact.path("value").decimalValue()));
        JsonNode meeting = line("CO20");
        assertEquals(2, meeting.path("numerator").asInt(), "K and E");
        assertEquals(2, meeting.path("denominator").asInt(), "H's fell due on 2 April and F's on 16 April");
        assertEquals(0, new BigDecimal("100.0").compareTo(meeting.path("value").decimalValue()));
        JsonNode reviews = line("CO21");
        assertEquals(1, reviews.path("numerator").asInt(), "E's monthly review, due 20 March, done 18 March");
        assertEquals(1, reviews.path("denominator").asInt(), "J's six-monthly review falls due in June");
    }

    @Test
    void valueForMoneyIsAQuartersValueOverTheCarersAndTheBreaks() {
        JsonNode cost = line("CO22");
        assertEquals(3_511_193, cost.path("numerator").asInt(), "a quarter of £140,447.72 in pence");
        assertEquals(1_755_597, cost.path("value").asInt(), "over J and E, rounded");
        assertEquals(Map.of("measure/per-break", 1_755_597), cells("CO22"), "over E's two breaks");
    }

    @Test
    void everyLineIsAsserted() {
        List<String> codes = new ArrayList<>();
        q4.path("lines").forEach(l -> codes.add(l.path("code").asText()));
        assertEquals(List.of("CO01", "CO02", "CO03", "CO04", "CO05", "CO06", "CO07", "CO08", "CO09", "CO10", "CO11",
                "CO12", "CO13", "CO14", "CO16", "CO17", "CO19", "CO20", "CO21", "CO22"), codes,
                "a new line needs its hand count in this test");
    }

    private final Map<String, String> caredFor = new LinkedHashMap<>();

    private String carer(String name, String born, String postcode, String council, Map<String, Object> equality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", name);
        body.put("familyName", "Carer");
        body.put("dateOfBirth", born);
        body.put("postcode", postcode);
        if (council != null) {
            body.put("localAuthorityCode", council);
        }
        body.put("equality", equality);
        String carer = api.post("/api/v1/persons", work.token, body).expect(201).id();
        String son = work.person(name + "'s", "Son", "1996-01-01", postcode);
        api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", son, "kind", "CARER_OF")).expect(201);
        caredFor.put(carer, son);
        return carer;
    }

    private String refer(String carer, String at, String source) {
        return work.refer(carer, at, source, Map.of("referrer", Map.of("name", "Dr Ada", "organisation", "CMHT"),
                "relationshipToCaredFor", "PARENT", "caredForSeriousMentalIllHealth", true,
                "caredForAssessedMentalHealthNeed", true, "significantCaring", true), List.of(caredFor.get(carer)))
                .expect(201).id();
    }

    private void event(String referral, String type, String at) {
        work.event(referral, type, at, Map.of()).expect(201);
    }

    private void close(String referral, String at, Map<String, Object> outcome) {
        work.event(referral, "CLOSED", at, Map.of("outcome", outcome)).expect(201);
    }

    private String plan(String referral, String agreedOn, Integer reviewMonths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreedOn", agreedOn);
        if (reviewMonths != null) {
            body.put("reviewMonths", reviewMonths);
        }
        body.put("goals", List.of(Map.of("title", "A regular break")));
        return api.post("/api/v1/referrals/" + referral + "/plans", work.token, body).expect(201).id();
    }

    private void activity(String person, String referral, String type, String on, int minutes, String agency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        if (referral != null) {
            body.put("referralId", referral);
        }
        body.put("type", type);
        body.put("occurredOn", on);
        body.put("durationMinutes", minutes);
        if (agency != null) {
            body.put("agency", agency);
        }
        api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, body).expect(201);
    }

    private int value(String code) {
        return new ReturnLines(q4).value(code);
    }

    private Map<String, Integer> cells(String code) {
        return new ReturnLines(q4).cells(code);
    }

    private JsonNode line(String code) {
        return new ReturnLines(q4).line(code);
    }
}
