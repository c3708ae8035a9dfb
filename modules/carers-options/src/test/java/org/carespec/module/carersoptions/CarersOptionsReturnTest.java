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
 * The 2026-27 Q1 return (1 April to 30 June 2026) of a small, hand-counted case record: four carers, every line of
 * 002 §5.4 and the four added lines checked against what a person would count on paper.
 *
 * <pre>
 * A  F 1968 ethnicity A veteran  MHP referral Wed 8 Apr; contacted 10 Apr (due 13 Apr: met); initial meeting
 *                                24 Apr (due 22 Apr: missed); accepted 27 Apr; two breaks (3 h on 5 May, when her
 *                                service started, and 2 h); signposted to Kirklees Carers Count; at the support group
 *                                on 19 May
 * B  M 1980 ethnicity B          self-referral Wed 13 May; contacted 14 May; no meeting (due 28 May, the 25th a bank
 *                                holiday: missed); referred for a CLA; still waiting on 30 June, 48 days after referral
 * C  F 1990 (Leeds)              MHP referral Wed 15 Apr; declined 17 Apr, outside the area, before either clock fell
 *                                due (neither met nor missed)
 * D  M 1960 veteran              MHP referral Wed 1 Apr; contacted 2 Apr (due 8 Apr); initial meeting 9 Apr (due 17 Apr:
 *                                ten working days, Good Friday 3 and Easter Monday 6 April between); accepted 9 Apr;
 *                                referred to Kirklees College; support group; closed 20 Jun, moved on to employment
 * one complaint, two compliments
 * Using the service (CO01): A (her breaks) and D (the support group); B only waits, C was declined. A's son, cared for
 * during her breaks, is counted apart.
 * </pre>
 */
@MicronautTest(transactional = false)
class CarersOptionsReturnTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    Casework work;
    JsonNode q1;
    String rd;

    @BeforeAll
    void aQuarterOfWork() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, CarersOptionsPlugin.ID, Map.of());
        Carer a = carer("A", "1968-05-01", "HD1 2AB", Map.of("sex", "FEMALE", "ethnicity", "A",
                "armedForces", "VETERAN"));
        Carer b = carer("B", "1980-02-02", "HD1 2AB", Map.of("sex", "MALE", "ethnicity", "B"));
        Carer c = carer("C", "1990-03-03", "LS1 4AP", Map.of("sex", "FEMALE"));
        Carer d = carer("D", "1960-01-01", "HD1 2AB", Map.of("sex", "MALE", "armedForces", "VETERAN"));

        String ra = refer(a, "2026-04-08T10:00:00", "MENTAL_HEALTH_PROFESSIONAL");
        event(ra, "CONTACTED", "2026-04-10T10:00:00", Map.of());
        event(ra, "FIRST_VISIT", "2026-04-24T10:00:00", Map.of());
        event(ra, "ACCEPTED", "2026-04-27T10:00:00", Map.of());
        work.breakFor(a.id(), ra, "2026-05-05", 180, "AWAY_FROM_HOME").expect(201);
        work.breakFor(a.id(), ra, "2026-06-02", 120, "AT_HOME").expect(201);
        activity(a, ra, "SIGNPOSTING", "2026-05-10", 30, "CARERS_COUNT");

        String rb = refer(b, "2026-05-13T10:00:00", "SELF");
        event(rb, "CONTACTED", "2026-05-14T10:00:00", Map.of());
        activity(b, rb, "CLA_REFERRAL", "2026-05-15", 20, null);

        String rc = refer(c, "2026-04-15T10:00:00", "MENTAL_HEALTH_PROFESSIONAL");
        event(rc, "DECLINED", "2026-04-17T10:00:00", Map.of("reason", "OUTSIDE_AREA", "note", "Lives in Leeds"));

        rd = refer(d, "2026-04-01T10:00:00", "MENTAL_HEALTH_PROFESSIONAL");
        event(rd, "CONTACTED", "2026-04-02T10:00:00", Map.of());
        event(rd, "FIRST_VISIT", "2026-04-09T10:00:00", Map.of());
        event(rd, "ACCEPTED", "2026-04-09T11:00:00", Map.of());
        activity(d, rd, "REFERRAL_OUT", "2026-06-10", 15, "KIRKLEES_COLLEGE");
        event(rd, "CLOSED", "2026-06-20T10:00:00", Map.of("outcome", Map.of("result", "MOVED_ON",
                "destination", "EMPLOYMENT")));

        String group = api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "SUPPORT_GROUP", "title", "Tuesday carers", "heldOn", "2026-05-19", "place", "Library"))
                .expect(201).id();
        api.send("PUT", "/api/v1/group-sessions/" + group + "/attendance", work.token, Map.of(
                "personIds", List.of(a.id(), d.id())), Map.of()).expect(200);
        for (String[] f : List.of(new String[] {"COMPLAINT", "2026-05-25"}, new String[] {"COMPLIMENT", "2026-06-01"},
                new String[] {"COMPLIMENT", "2026-06-15"})) {
            api.post("/api/v1/contracts/" + work.contract + "/feedback", work.token, Map.of("kind", f[0],
                    "receivedOn", f[1], "summary", "Feedback", "shareInReturn", false)).expect(201);
        }
        q1 = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1",
                tenant.token(Role.PROVIDER_MANAGER)).expect(200).json();
    }

    @Test
    void theReturnHasEveryLineOfTheSpecificationInItsOrderAndTheAddedOnes() {
        List<String> codes = new ArrayList<>();
        q1.path("lines").forEach(l -> codes.add(l.path("code").asText()));
        assertEquals(List.of("CO01", "CO02", "CO03", "CO04", "CO05", "CO06", "CO07", "CO08", "CO09", "CO10", "CO11",
                "CO12", "CO13", "CO14", "CO16", "CO17", "CO19", "CO20", "CO21", "CO22"), codes);
        List<String> narratives = new ArrayList<>();
        q1.path("narratives").forEach(n -> narratives.add(n.path("code").asText()));
        assertEquals(List.of("CO15", "CO18"), narratives);
        q1.path("lines").forEach(l -> assertTrue(l.path("source").asText().startsWith("002 §"), l.toString()));
    }

    @Test
    void peopleUsingTheServiceWaitingAndHowLong() {
        assertEquals(2, value("CO01"), "A and D received the service; B only waits, C was declined");
        assertEquals(Map.of("separately/cared-for people supported for a break", 1), cells("CO01"), "A's son");
        assertEquals(1, value("CO02"), "B still waits on 30 June");
        assertEquals(48, value("CO03"), "13 May to 30 June, the quarter's last day");
        assertEquals(Map.of("measure/longest", 48, "measure/median to start of service (started this quarter)", 27),
                cells("CO03"), "A: 8 April to her first break on 5 May");
        assertEquals(1, value("CO04"));
        assertEquals(0, value("CO05"));
    }

    @Test
    void breaksWhoTheyAreAndWhatTheySaid() {
        assertEquals(2, value("CO06"));
        JsonNode hours = line("CO06").path("breakdown").get(line("CO06").path("breakdown").size() - 1);
        assertEquals("hours", hours.path("category").asText(), line("CO06").toString());
        assertEquals(0, new BigDecimal("5.0").compareTo(hours.path("value").decimalValue()), "five hours");
        assertEquals(2, value("CO07"));
        assertEquals(Map.of("age-gender/18_64 FEMALE", 1, "age-gender/65_AND_OVER MALE", 1), cells("CO07"));
        assertEquals(2, value("CO08"), "A and D are veterans");
        assertEquals(Map.of("ethnicity/A", 1, "ethnicity/99", 1), cells("CO09"));
        assertEquals(1, value("CO10"));
        assertEquals(2, value("CO11"));
    }

    @Test
    void referralsDeclinesEndingsAndLinks() {
        assertEquals(4, value("CO12"));
        assertEquals(Map.of("source/MENTAL_HEALTH_PROFESSIONAL", 3, "source/SELF", 1), cells("CO12"));
        assertEquals(Map.of("reason/OUTSIDE_AREA", 1), cells("CO13"));
        assertEquals(0, value("CO14"));
        assertEquals(Map.of("destination/EMPLOYMENT", 1), cells("CO16"));
        assertEquals(2, value("CO17"));
        assertEquals(Map.of("link/new", 2), cells("CO17"));
    }

    @Test
    void responseTimesCountTheClocksThatFellDueInTheQuarter() {
        // D's initial meeting: ten working days from Wednesday 1 April, Good Friday and Easter Monday between
        assertEquals("2026-04-17", Casework.clock(api.get("/api/v1/referrals/" + rd, work.token).expect(200).json(),
                "initial-meeting").path("dueDate").asText());
        // C was declined (17 April) before either clock fell due: neither met nor missed.
        JsonNode firstContact = line("CO19");
        assertEquals(3, firstContact.path("numerator").asInt(), "A, B and D were contacted in time");
        assertEquals(3, firstContact.path("denominator").asInt());
        assertEquals(0, new BigDecimal("100.0").compareTo(firstContact.path("value").decimalValue()));
        JsonNode meeting = line("CO20");
        assertEquals(1, meeting.path("numerator").asInt(), "only D met by the due date; A was late, B's fell due unmet");
        assertEquals(3, meeting.path("denominator").asInt());
        assertEquals(0, new BigDecimal("33.3").compareTo(meeting.path("value").decimalValue()));
        assertEquals(0, line("CO21").path("denominator").asInt(), "no plan review fell due");
        assertTrue(meeting.path("definition").asText().contains("belongs to the quarter in which it fell due"),
                meeting.toString());
    }

    @Test
    void valueForMoneyIsInPence() {
        // £140,447.72 a year: 3,511,193p a quarter, over two carers and two breaks (1,755,596.5p, rounded).
        JsonNode cost = line("CO22");
        assertEquals("MONEY", cost.path("unit").asText());
        assertEquals(1_755_597, cost.path("value").asInt(), cost.toString());
        assertEquals(3_511_193, cost.path("numerator").asInt(), cost.toString());
        assertEquals(1_755_597, cost.path("breakdown").get(0).path("value").asInt(), cost.toString());
    }

    @Test
    void everyLineSaysWhatItCounts() {
        q1.path("lines").forEach(l -> assertTrue(l.path("definition").asText().length() > 20, l.toString()));
    }

    @Test
    void theExportedReturnCarriesEachLinesDefinition() throws Exception {
        String csv = api.send("GET", "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1/export?format=csv",
                tenant.token(Role.COMMISSIONER), null, Map.of("Accept", "text/csv")).expect(200).body();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        org.apache.commons.csv.CSVRecord co01 = rows.stream().filter(r -> r.get("code").equals("CO01")
                && r.get("dimension").isEmpty()).findFirst().orElseThrow();
        assertEquals(line("CO01").path("definition").asText(), co01.get("definition"));
        assertTrue(co01.get("definition").startsWith("Carers receiving the service in the quarter"), csv);
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

    /** A carer and the person they care for. */
    record Carer(String id, String caredFor) {
    }

    private Carer carer(String name, String born, String postcode, Map<String, Object> equality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", name);
        body.put("familyName", "Carer");
        body.put("dateOfBirth", born);
        body.put("postcode", postcode);
        body.put("equality", equality);
        String carer = api.post("/api/v1/persons", work.token, body).expect(201).id();
        String caredFor = work.person(name + "'s", "Son", "1995-01-01", postcode);
        api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", caredFor, "kind", "CARER_OF")).expect(201);
        return new Carer(carer, caredFor);
    }

    private String refer(Carer carer, String at, String source) {
        Map<String, Object> data = "SELF".equals(source) ? Map.of("relationshipToCaredFor", "PARENT")
                : Map.of("referrer", Map.of("name", "Dr Ada", "organisation", "CMHT"),
                "relationshipToCaredFor", "PARENT", "caredForSeriousMentalIllHealth", true,
                "caredForAssessedMentalHealthNeed", true, "significantCaring", true);
        return work.refer(carer.id(), at, source, data, List.of(carer.caredFor())).expect(201).id();
    }

    private void event(String referral, String type, String at, Map<String, Object> extra) {
        work.event(referral, type, at, extra).expect(201);
    }

    private void activity(Carer person, String referral, String type, String on, int minutes, String agency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person.id());
        body.put("referralId", referral);
        body.put("type", type);
        body.put("occurredOn", on);
        body.put("durationMinutes", minutes);
        if (agency != null) {
            body.put("agency", agency);
        }
        api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, body).expect(201);
    }
}
