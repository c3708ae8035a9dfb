package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agreeing a plan and recording an activity in the browser: the API's constraints, said in plain English. */
@MicronautTest(transactional = false)
class CaseworkPagesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    String referral;

    @BeforeAll
    void anAcceptedReferral() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        Casework work = Casework.practitioner(api, tenant, "fixture", Map.of());
        referral = work.refer(work.person("Ola", "Plantest", "1975-01-01", null), "2026-04-14T10:00:00", "GP", null,
                null).expect(201).id();
        work.event(referral, "ACCEPTED", "2026-04-15T10:00:00", Map.of()).expect(201);
    }

    @Test
    void aPlanNeedsAGoalAndARealDayAndKeepsWhatWasEntered() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/referrals/" + referral).body().contains("Agree a plan"));
        browser.get("/referrals/" + referral + "/plan");
        Map<String, String> form = new LinkedHashMap<>(Map.of("agreedOn-day", "31", "agreedOn-month", "2",
                "agreedOn-year", "2026", "reviewMonths", "3"));
        HttpResponse<String> badDay = browser.post("/referrals/" + referral + "/plan", form);
        assertEquals(400, badDay.statusCode());
        assertTrue(badDay.body().contains("The day the plan was agreed must be a real date"), badDay.body());
        form.put("agreedOn-day", "20");
        form.put("agreedOn-month", "4");
        HttpResponse<String> noGoal = browser.post("/referrals/" + referral + "/plan", form);
        assertTrue(noGoal.body().contains("Enter at least one goal"), noGoal.body());
        assertTrue(noGoal.body().contains("value=\"3\""), "the review interval entered is kept");
        form.put("reviewMonths", "99");
        form.put("goal-0", "Sleep through the night");
        HttpResponse<String> tooLong = browser.post("/referrals/" + referral + "/plan", form);
        assertTrue(tooLong.body().contains("How often it is reviewed must be 24 or fewer"), tooLong.body());
        form.put("reviewMonths", "3");
        HttpResponse<String> agreed = browser.post("/referrals/" + referral + "/plan", form);
        assertEquals(303, agreed.statusCode(), agreed.body());
        String page = browser.get(agreed.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Recorded: Plan agreed"), page);
        assertTrue(page.contains("reviewed every 3") && page.contains("next review by 20 July 2026"), page);

        // and reviewed, goal by goal
        String plan = page.substring(page.indexOf("/plans/") + 7, page.indexOf("/plans/") + 43);
        String reviewPage = browser.get("/plans/" + plan + "/review").body();
        assertTrue(reviewPage.contains("Sleep through the night"), reviewPage);
        Map<String, String> review = new LinkedHashMap<>(Map.of("reviewedOn-day", "20", "reviewedOn-month", "5",
                "reviewedOn-year", "2026"));
        HttpResponse<String> noProgress = browser.post("/plans/" + plan + "/review", review);
        assertEquals(400, noProgress.statusCode());
        assertTrue(noProgress.body().contains("Select the progress on"), noProgress.body());
        String goalField = reviewPage.substring(reviewPage.indexOf("name=\"progress-") + 6);
        goalField = goalField.substring(0, goalField.indexOf('"'));
        review.put(goalField, "SOME_PROGRESS");
        HttpResponse<String> reviewed = browser.post("/plans/" + plan + "/review", review);
        assertEquals(303, reviewed.statusCode(), reviewed.body());
        String after = browser.get(reviewed.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("Recorded: Reviewed") && after.contains("(Some progress)"), after);
        assertTrue(after.contains("next review by 20 August 2026"), "three months from the review");
    }

    @Test
    void closingAsksHowItEndedAndTheReasonTheOutcomeNeeds() {
        Casework work = new Casework(api, tenant, tenant.contract("fixture", Map.of()), tenant.token(Role.PRACTITIONER));
        String ending = work.refer(work.person("Pat", "Closetest", "1977-01-01", null), "2026-04-14T10:00:00", "GP",
                null, null).expect(201).id();
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/referrals/" + ending).body().contains("Close the referral"));
        browser.get("/referrals/" + ending + "/close");
        HttpResponse<String> none = browser.post("/referrals/" + ending + "/close", Map.of());
        assertTrue(none.body().contains("Select how the referral ended"), none.body());
        HttpResponse<String> noReason = browser.post("/referrals/" + ending + "/close",
                Map.of("result", "WITHDRAWN"));
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("Select the reason"), noReason.body());
        HttpResponse<String> closed = browser.post("/referrals/" + ending + "/close",
                Map.of("result", "WITHDRAWN", "reason", "MOVED_AWAY"));
        assertEquals(303, closed.statusCode(), closed.body());
        String page = browser.get(closed.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Recorded: Closed") && page.contains("Moved away"), page);
    }

    @Test
    void anActivityNeedsWhatHappenedAndAWholeNumberOfMinutes() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        browser.get("/referrals/" + referral + "/activity");
        Map<String, String> form = new LinkedHashMap<>(Map.of("occurredOn-day", "21", "occurredOn-month", "4",
                "occurredOn-year", "2026", "durationMinutes", "an hour"));
        HttpResponse<String> bad = browser.post("/referrals/" + referral + "/activity", form);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("How long it took must be a whole number of minutes"), bad.body());
        form.put("durationMinutes", "45");
        HttpResponse<String> noType = browser.post("/referrals/" + referral + "/activity", form);
        assertTrue(noType.body().contains("Select what happened"), noType.body());
        form.put("type", "SIGNPOSTING");
        HttpResponse<String> noAgency = browser.post("/referrals/" + referral + "/activity", form);
        assertTrue(noAgency.body().contains("must name the agency"), noAgency.body());
        form.put("agency", "Citizens Advice");
        HttpResponse<String> done = browser.post("/referrals/" + referral + "/activity", form);
        assertEquals(303, done.statusCode(), done.body());
        assertTrue(api.get("/api/v1/activities?size=50", tenant.token(Role.PRACTITIONER)).expect(200).body()
                .contains("Citizens Advice"));
    }
}
