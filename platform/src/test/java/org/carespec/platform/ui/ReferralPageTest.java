package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A referral's page: its clocks and history, and the next steps the lifecycle allows, taken with a button. */
@MicronautTest(transactional = false)
class ReferralPageTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    String ours;
    String theirs;
    String toDecline;

    @BeforeAll
    void referrals() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        Casework work = Casework.practitioner(api, tenant, "fixture", Map.of());
        ours = work.refer(work.person("Dee", "Pagetest", "1970-01-01", null), "2026-04-14T10:00:00", "GP", null,
                null).expect(201).id();
        toDecline = work.refer(work.person("Ian", "Declinetest", "1960-01-01", null), "2026-04-14T10:00:00", "GP",
                Map.of("referrer", Map.of("name", "Dr Jo Referrer", "organisation", "Town surgery")), null)
                .expect(201).id();
        Casework other = new Casework(api, tenant, tenant.contract("fixture", tenant.otherProvider, Map.of()),
                tenant.otherProviderPractitioner);
        theirs = other.refer(other.person("Eve", "Elsewhere", "1971-01-01", null), "2026-04-15T10:00:00", "GP", null,
                null).expect(201).id();
    }

    @Test
    void theCaseloadLinksToTheReferralWhoseNextStepsAreButtons() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/caseload").body().contains("href=\"/referrals/" + ours + "\""));
        HttpResponse<String> page = browser.get("/referrals/" + ours);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Referral of Dee Pagetest"), page.body());
        assertTrue(page.body().contains("Record first contact"), "RECEIVED: contact is a next step");
        assertFalse(page.body().contains("Put on the waiting list"), "WAITING is not a step from RECEIVED");

        HttpResponse<String> contacted = browser.post("/referrals/" + ours + "/steps", Map.of("type", "CONTACTED"));
        assertEquals(303, contacted.statusCode(), contacted.body());
        HttpResponse<String> after = browser.get(contacted.headers().firstValue("Location").orElseThrow());
        assertTrue(after.body().contains("Recorded: Contacted"), after.body());
        assertTrue(after.body().contains("<strong class=\"govuk-tag\">Contacted</strong>"), "the status moved");
        assertFalse(after.body().contains("Record first contact"), "contact is no longer offered");

        // a step that a colleague's made illegal meanwhile shows the service's reason
        String token = browser.csrfToken().orElseThrow();
        HttpResponse<String> raced = browser.postExactly("/referrals/" + ours + "/steps",
                Map.of("csrfToken", token, "type", "CONTACTED"));
        assertEquals(409, raced.statusCode());
        assertTrue(raced.body().contains("There is a problem"), raced.body());
        assertTrue(raced.body().contains("cannot be CONTACTED"), raced.body());
        assertEquals(403, browser.postExactly("/referrals/" + ours + "/steps", Map.of("type", "ASSESSED"))
                .statusCode(), "no CSRF token");
    }

    @Test
    void decliningNeedsTheWrittenReasonAndShowsTheLetterAndItsPdf() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/referrals/" + toDecline).body().contains("Decline the referral"));
        browser.get("/referrals/" + toDecline + "/decline");
        HttpResponse<String> noNote = browser.post("/referrals/" + toDecline + "/decline",
                Map.of("reason", "NOT_ELIGIBLE"));
        assertEquals(400, noNote.statusCode());
        assertTrue(noNote.body().contains("Enter the written reason: the letter gives it in full"), noNote.body());
        HttpResponse<String> declined = browser.post("/referrals/" + toDecline + "/decline", Map.of(
                "reason", "NOT_ELIGIBLE", "note", "Mr Declinetest lives outside the area; the county service can help."));
        assertEquals(303, declined.statusCode(), declined.body());
        String letter = browser.get(declined.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(letter.contains("Your referral was not accepted"), letter);
        assertTrue(letter.contains("Dear Dr Jo Referrer,"), "to the referrer the form names");
        assertTrue(letter.contains("the county service can help"), "the written reason in full");
        java.net.http.HttpResponse<String> pdf = browser.get("/referrals/" + toDecline + "/letter.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(browser.get("/referrals/" + toDecline).body().contains("The letter of decline"));
    }

    @Test
    void anotherProvidersReferralIsNotFoundAndItsStepsCannotBeTaken() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        HttpResponse<String> page = browser.get("/referrals/" + theirs);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"), page.body());
        assertFalse(page.body().contains("Elsewhere"));
        browser.get("/caseload");
        assertEquals(404, browser.post("/referrals/" + theirs + "/steps", Map.of("type", "CONTACTED"))
                .statusCode());
        assertEquals(404, browser.get("/referrals/not-an-id").statusCode());
        assertEquals(404, browser.get("/referrals/" + theirs + "/letter").statusCode());
        assertEquals(404, browser.get("/referrals/" + theirs + "/decline").statusCode());
    }
}
