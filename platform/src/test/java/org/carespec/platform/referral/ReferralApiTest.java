package org.carespec.platform.referral;

import static org.carespec.platform.test.Casework.clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Referrals through the API, with the fixture module's rules and clocks (see FixturePlugin). */
@MicronautTest(transactional = false)
class ReferralApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework work;
    String adult;

    @BeforeAll
    void world() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
        adult = work.person("Asha", "Patel", "1980-05-01", "HD1 2AB");
    }

    @Test
    void aNewReferralIsAssessedByTheModulesRulesAndItsClocksStart() {
        // Received Thursday 12 March 2026: first contact due Tuesday 17 March (3 working days), assessment form due
        // 26 March (14 calendar days); the first visit waits for acceptance.
        JsonView r = new JsonView(work.refer(adult, "2026-03-12T10:15:00", "GP", Map.of("crisis", true), null)
                .expect(201).json());
        assertEquals("RECEIVED", r.text("/status"));
        assertTrue(r.node().path("eligibility").path("eligible").asBoolean());
        assertEquals("HIGH", r.text("/priority"));
        assertEquals("The person is in crisis.", r.text("/priorityReasons/0/reason"));
        assertEquals("2026-03-12T10:15:00Z", r.text("/receivedAt"));
        JsonNode contact = clock(r.node(), "first-contact");
        assertEquals("2026-03-17", contact.path("dueDate").asText());
        assertEquals("OVERDUE", contact.path("status").asText());
        assertEquals("fixture §1", contact.path("source").asText());
        assertEquals("2026-03-26", clock(r.node(), "assessed").path("dueDate").asText());
        assertEquals("NOT_STARTED", clock(r.node(), "first-visit").path("status").asText());
    }

    @Test
    void theAnswerToCreatingAReferralIsWhatReadingItBackShows() {
        // The 201 is built from what was written, not read back: it must still match the stored referral exactly,
        // the encrypted form field and a received time finer than the database keeps included.
        ApiResponse created = work.refer(adult, "2026-03-12T10:15:00.123456789+01:00", "GP",
                Map.of("crisis", false, "reason", "Carer strain", "healthNotes", "Diagnosed last spring"), null)
                .expect(201);
        ApiResponse read = api.get("/api/v1/referrals/" + created.id(), work.token).expect(200);
        assertEquals(read.json(), created.json());
        assertEquals("Diagnosed last spring", created.json().path("data").path("healthNotes").asText());
        assertEquals("2026-03-12T09:15:00.123456Z", created.json().path("receivedAt").asText());
    }

    @Test
    void aChildIsNotEligibleAndTheReasonSaysWhyInWords() {
        String child = work.person("Sam", "Young", "2015-01-01", null);
        JsonNode r = work.refer(child, "2026-03-12T10:15:00+00:00", "GP", Map.of(), null).expect(201).json();
        assertFalse(r.path("eligibility").path("eligible").asBoolean());
        assertEquals("adult", r.path("eligibility").path("reasons").get(0).path("rule").asText());
        assertEquals("The person must be 18 or over.", r.path("eligibility").path("reasons").get(0).path("reason").asText());
        assertEquals("RECEIVED", r.path("status").asText(), "a person decides to decline, not the rules");
    }

    @Test
    void aSelfReferralIsFlaggedForThePractitioner() {
        JsonNode r = work.refer(adult, "2026-03-12T10:15:00", "SELF", null, null).expect(201).json();
        assertTrue(r.path("eligibility").path("eligible").asBoolean());
        assertEquals("Self-referral: confirm the need at first contact.",
                r.path("eligibility").path("flags").get(0).path("reason").asText());
    }

    @Test
    void eventsMoveTheReferralAlongAndStopItsClocks() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        work.event(id, "CONTACTED", "2026-03-16T11:00:00", null).expect(201);
        work.event(id, "ASSESSED", "2026-03-18T11:00:00", null).expect(201);
        // Accepted Friday 20 March 2026: the first visit is due 7 working days later, Tuesday 31 March.
        JsonNode accepted = work.event(id, "ACCEPTED", "2026-03-20T09:00:00", null).expect(201).json();
        assertEquals("ACCEPTED", accepted.path("status").asText());
        assertEquals("MET", clock(accepted, "first-contact").path("status").asText());
        assertEquals("2026-03-16", clock(accepted, "first-contact").path("metAt").asText());
        assertEquals("2026-03-31", clock(accepted, "first-visit").path("dueDate").asText());
        JsonNode visited = work.event(id, "FIRST_VISIT", "2026-04-01T09:00:00", null).expect(201).json();
        assertEquals("IN_SERVICE", visited.path("status").asText());
        assertEquals("MET_LATE", clock(visited, "first-visit").path("status").asText());
        assertEquals(4, visited.path("events").size());
    }

    @Test
    void anIllegalTransitionIs409NamingTheStatus() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason", "NOT_ELIGIBLE", "note", "Not eligible")).expect(201);
        ApiResponse refused = work.event(id, "ACCEPTED", "2026-03-14T10:00:00", null);
        assertEquals(409, refused.status());
        assertTrue(refused.isProblem());
        assertTrue(refused.text("/detail").contains("DECLINED"), refused.body());
        assertEquals("DECLINED", api.get("/api/v1/referrals/" + id, work.token).text("/status"));
    }

    @Test
    void aDeclineCarriesItsWrittenReason() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        assertEquals(List.of("note"), work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason",
                "NOT_ELIGIBLE")).expect(400).problemFields());
        assertEquals(List.of("note"), work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason",
                "NOT_ELIGIBLE", "note", "  ")).expect(400).problemFields());
        assertEquals("RECEIVED", api.get("/api/v1/referrals/" + id, work.token).text("/status"));
    }

    @Test
    void aReferralWithdrawnBeforeItsServiceIsClosedNotDeclinedAndOnlyThen() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        assertEquals(List.of("outcome.reason"), work.event(id, "CLOSED", "2026-03-13T10:00:00", Map.of("outcome",
                Map.of("result", "WITHDRAWN"))).expect(400).problemFields());
        JsonNode withdrawn = work.event(id, "CLOSED", "2026-03-13T10:00:00", Map.of("outcome",
                Map.of("result", "WITHDRAWN", "reason", "MOVED_AWAY"))).expect(201).json();
        assertEquals("CLOSED", withdrawn.path("status").asText());
        assertEquals(409, api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).status(),
                "no letter of decline for a person who withdrew");

        String served = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        work.event(served, "ACCEPTED", "2026-03-13T10:00:00", null).expect(201);
        work.event(served, "FIRST_VISIT", "2026-03-14T10:00:00", null).expect(201);
        assertEquals(List.of("outcome.result"), work.event(served, "CLOSED", "2026-03-20T10:00:00", Map.of("outcome",
                Map.of("result", "WITHDRAWN", "reason", "MOVED_AWAY"))).expect(400).problemFields());
    }

    @Test
    void anEventEnteredLateIsCheckedAgainstTheHistoryAtThatMoment() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        work.event(id, "ACCEPTED", "2026-03-20T09:00:00", null).expect(201);
        // Contact on the 13th, recorded after the acceptance of the 20th: it fits before it.
        JsonNode late = work.event(id, "CONTACTED", "2026-03-13T09:00:00", null).expect(201).json();
        assertEquals("ACCEPTED", late.path("status").asText());
        assertEquals("MET", clock(late, "first-contact").path("status").asText());
        // A decline dated between contact and acceptance cannot fit: the history would be contradictory.
        assertEquals(409, work.event(id, "DECLINED", "2026-03-15T09:00:00", Map.of("reason", "OTHER",
                "note", "Too late")).status());
    }

    @Test
    void decliningNeedsACodedReasonAndClosingNeedsAnOutcome() {
        String id = work.refer(adult, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        assertEquals(List.of("reason"), work.event(id, "DECLINED", null, null).problemFields());
        assertEquals(List.of("reason"), work.event(id, "DECLINED", null, Map.of("reason", "BORED")).problemFields());
        assertEquals(List.of("outcome"), work.event(id, "CLOSED", null, null).problemFields());
        assertEquals(List.of("outcome.reason"), work.event(id, "CLOSED", null,
                Map.of("outcome", Map.of("result", "LEFT_BEFORE_GOALS_MET"))).problemFields());
        assertEquals(List.of("outcome.destination"), work.event(id, "CLOSED", null,
                Map.of("outcome", Map.of("result", "MOVED_ON", "destination", "MARS"))).problemFields());
        JsonNode closed = work.event(id, "CLOSED", null, Map.of("outcome", Map.of("result", "MOVED_ON",
                "destination", "EMPLOYMENT"))).expect(201).json();
        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals("EMPLOYMENT", closed.path("closure").path("destination").asText());
        assertEquals("STOPPED", clock(closed, "assessed").path("status").asText());
    }

    @Test
    void badReferralInputIsRefusedNamingEachField() {
        assertEquals(List.of("source"), work.refer(adult, "2026-03-12T10:15:00", "CARRIER_PIGEON", null, null)
                .problemFields());
        assertEquals(List.of("receivedAt"), work.refer(adult, "2099-03-12T10:15:00", "GP", null, null).problemFields());
        assertEquals(List.of("receivedAt"), work.refer(adult, "last tuesday", "GP", null, null).problemFields());
        assertEquals(List.of("data.crisis"), work.refer(adult, "2026-03-12T10:15:00", "GP", Map.of("crisis", "yes"),
                null).problemFields());
        assertEquals(List.of("data.colour"), work.refer(adult, "2026-03-12T10:15:00", "GP", Map.of("colour", "blue"),
                null).problemFields());
        assertEquals(List.of("relatedPersonIds[0]"), work.refer(adult, "2026-03-12T10:15:00", "GP", null,
                List.of(java.util.UUID.randomUUID().toString())).problemFields());
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstReferralAndCreateNothingNew() {
        Map<String, Object> body = Map.of("personId", adult, "receivedAt", "2026-03-12T10:15:00", "source", "GP");
        String path = "/api/v1/contracts/" + work.contract + "/referrals";
        long before = api.get("/api/v1/referrals?size=1", work.token).json().path("total").asLong();
        ApiResponse first = api.send("POST", path, work.token, body, Map.of("Idempotency-Key", "submit-1"));
        ApiResponse again = api.send("POST", path, work.token, body, Map.of("Idempotency-Key", "submit-1"));
        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.id(), again.id());
        assertEquals(before + 1, api.get("/api/v1/referrals?size=1", work.token).json().path("total").asLong());
        ApiResponse different = api.send("POST", path, work.token,
                Map.of("personId", adult, "receivedAt", "2026-03-13T10:15:00", "source", "GP"),
                Map.of("Idempotency-Key", "submit-1"));
        assertEquals(400, different.status());
        assertEquals(List.of("Idempotency-Key"), different.problemFields());
    }

    @Test
    void theListFiltersByStatusPriorityReceiptDatesAndOverdueClocks() {
        TestTenant own = TestTenant.create(api);
        Casework c = Casework.practitioner(api, own, "fixture", Map.of());
        String p = c.person("List", "Person", "1970-01-01", null);
        String overdue = c.refer(p, "2026-03-12T10:00:00", "GP", Map.of("crisis", true), null).expect(201).id();
        String contacted = c.refer(p, "2026-03-13T10:00:00", "GP", null, null).expect(201).id();
        c.event(contacted, "CONTACTED", "2026-03-16T10:00:00", null).expect(201);
        c.api.post("/api/v1/contracts/" + c.contract + "/forms/assessment", c.token, Map.of("personId", p,
                "referralId", contacted, "submittedOn", "2026-03-17", "data", Map.of("complete", true))).expect(201);
        String april = c.refer(p, "2026-04-20T10:00:00", "GP", null, null).expect(201).id();
        assertEquals(List.of(overdue), ids(api.get("/api/v1/referrals?priority=HIGH", c.token)));
        assertEquals(List.of(contacted), ids(api.get("/api/v1/referrals?status=CONTACTED", c.token)));
        assertEquals(List.of(april), ids(api.get("/api/v1/referrals?receivedFrom=2026-04-01&receivedTo=2026-04-30",
                c.token)));
        // Overdue: every referral whose open clock is past due, most overdue first. The contacted one has met both
        // its first-contact clock and, through the form, its assessment clock.
        assertEquals(List.of(overdue, april), ids(api.get("/api/v1/referrals?overdue=true", c.token)));
        JsonNode first = api.get("/api/v1/referrals?overdue=true", c.token).json().path("items").get(0);
        assertEquals("first-contact", first.path("nextClock").path("code").asText());
        assertEquals("OVERDUE", first.path("nextClock").path("status").asText());
        JsonNode secondPage = api.get("/api/v1/referrals?overdue=true&size=1&page=1", c.token).json();
        assertEquals(2, secondPage.path("total").asLong(), "the total counts every overdue referral, not the page");
        assertEquals(april, secondPage.path("items").get(0).path("id").asText());
        JsonNode pastTheEnd = api.get("/api/v1/referrals?overdue=true&size=1&page=5", c.token).json();
        assertEquals(2, pastTheEnd.path("total").asLong());
        assertEquals(0, pastTheEnd.path("items").size());
        assertEquals(List.of(overdue), ids(api.get("/api/v1/referrals?overdue=true&priority=HIGH", c.token)));
        assertEquals(1, api.get("/api/v1/referrals?overdue=true&priority=HIGH", c.token).json().path("total").asLong());
        assertEquals(3, api.get("/api/v1/referrals", c.token).json().path("total").asLong());
        assertEquals(List.of(), ids(api.get("/api/v1/referrals?overdue=true", c.otherToken())),
                "another provider's overdue list is its own");
        assertEquals(List.of("receivedTo"), api.get("/api/v1/referrals?receivedFrom=2026-04-02&receivedTo=2026-04-01",
                c.token).problemFields());
    }

    @Test
    void anEnhancedServiceNeedsACompletedAssessmentOnRecord() {
        String p = work.person("Enhanced", "Carer", "1975-02-02", null);
        String id = work.refer(p, "2026-03-12T10:15:00", "GP", null, null).expect(201).id();
        ApiResponse refused = api.post("/api/v1/referrals/" + id + "/service-level", work.token,
                Map.of("level", "ENHANCED", "hoursPerWeek", 6));
        assertEquals(409, refused.status());
        assertEquals("An enhanced service needs a completed assessment on record.", refused.text("/detail"));
        api.post("/api/v1/referrals/" + id + "/service-level", work.token, Map.of("level", "BASIC", "hoursPerWeek", 4))
                .expect(200);
        api.post("/api/v1/contracts/" + work.contract + "/forms/assessment", work.token,
                Map.of("personId", p, "data", Map.of("complete", true))).expect(201);
        JsonNode enhanced = api.post("/api/v1/referrals/" + id + "/service-level", work.token,
                Map.of("level", "ENHANCED", "hoursPerWeek", 6)).expect(200).json();
        assertEquals("ENHANCED", enhanced.path("serviceLevel").asText());
    }

    @Test
    void aDeclinedReferralProducesALetterWithTheFullReasonToTheReferrerCopiedToTheContractManager() throws Exception {
        api.patch("/api/v1/contracts/" + work.contract, t.token(Role.TENANT_ADMIN),
                Map.of("contractManagerName", "Jo Commissioner")).expect(200);
        String p = work.person("Letter", "Recipient", "1980-01-01", null);
        String id = work.refer(p, "2026-03-12T10:15:00", "GP", Map.of("referrer", Map.of("name", "Dr Ada Lovelace",
                "organisation", "Mill Street Surgery", "address", "1 Mill Street\nHuddersfield")), null).expect(201).id();
        assertEquals(409, api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).status());
        work.event(id, "DECLINED", "2026-03-13T10:00:00", Map.of("reason", "NOT_ELIGIBLE",
                "note", "The person cared for lives outside the area <script>x</script>.")).expect(201);
        ApiResponse html = api.get("/api/v1/referrals/" + id + "/decline-letter", work.token).expect(200);
        assertTrue(html.contentType().startsWith("text/html"));
        assertTrue(html.body().contains("Dear Dr Ada Lovelace,"));
        assertTrue(html.body().contains("The person does not meet the eligibility criteria"));
        assertTrue(html.body().contains("lives outside the area &lt;script&gt;"), "the written reason, escaped");
        assertTrue(html.body().contains("Copy to: Jo Commissioner, Contract Manager"));
        // issue 17, finding 7: a letter is HTML from our server about a person; it runs no script, is never framed,
        // sniffed or cached
        String policy = html.headers().getOrDefault("content-security-policy", "");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", html.headers().get("x-content-type-options"));
        assertEquals("no-store", html.headers().get("cache-control"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/api/v1/referrals/" + id + "/decline-letter?format=pdf"))
                .header("Authorization", "Bearer " + work.token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Your referral was not accepted"), text);
            assertTrue(text.contains("Letter Recipient"), text);
            assertTrue(text.contains("Jo Commissioner"), text);
        }
    }

    private static List<String> ids(ApiResponse response) {
        return response.expect(200).json().path("items").findValuesAsText("id");
    }

    /** A small reader over a referral's JSON. */
    record JsonView(JsonNode node) {
        String text(String pointer) {
            return node.at(pointer).asText();
        }
    }
}
