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

/** A volunteer's pages: group attendance and nothing else; never a referral, a person's page or a session's notes. */
@MicronautTest(transactional = false)
class AttendancePagesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    String session;
    String person;
    String referral;
    String contract;

    @BeforeAll
    void aGroupSession() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        Casework work = Casework.practitioner(api, tenant, "fixture", Map.of());
        person = work.person("Rae", "Attender", "1965-01-01", null);
        referral = work.refer(person, "2026-04-14T10:00:00", "GP", null, null).expect(201).id();
        contract = work.contract;
        session = api.post("/api/v1/contracts/" + work.contract + "/group-sessions", work.token, Map.of(
                "type", "SUPPORT_GROUP", "title", "Thursday peers", "heldOn", "2026-04-16", "place", "Hall",
                "notes", "Confidential: Rae upset about her son")).expect(201).id();
    }

    @Test
    void aVolunteerRecordsWhoCameAndSeesNothingElse() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> signedIn = browser.signIn(tenant.email(Role.VOLUNTEER), PASSWORD);
        assertEquals(303, signedIn.statusCode());
        HttpResponse<String> caseload = browser.get("/caseload");
        assertEquals(303, caseload.statusCode());
        assertEquals("/attendance", caseload.headers().firstValue("Location").orElse(""));
        String list = browser.get("/attendance").body();
        assertTrue(list.contains("Thursday peers"), list);
        assertFalse(list.contains("My caseload"), "no casework in a volunteer's navigation");
        String page = browser.get("/attendance/" + session).body();
        assertTrue(page.contains("Rae Attender"), page);
        assertFalse(page.contains("Confidential"), "a volunteer never sees a session's notes");
        HttpResponse<String> saved = browser.post("/attendance/" + session, Map.of("personIds", person));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Attendance saved: 1 attending"), saved.body());
        assertEquals(404, browser.get("/referrals/" + referral).statusCode());
        assertEquals(404, browser.get("/persons/" + person).statusCode());
        assertEquals(303, browser.get("/referrals/new").statusCode());
    }

    @Test
    void aPractitionerRecordsASessionWithNamedPeopleAndOthersCountedByGroup() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String form = browser.get("/groups/new?contract=" + contract).body();
        assertTrue(form.contains("name=\"personIds\"") && form.contains("name=\"headcount-0-category\"")
                && form.contains("Others who came, counted but not named"), form);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("contract", contract,
                "type", "SUPPORT_GROUP", "title", "Friday drop-in", "heldOn-day", "17", "heldOn-month", "4",
                "heldOn-year", "2026", "personIds", person));
        fields.putAll(Map.of("headcount-0-category", "Children", "headcount-0-count", "3",
                "headcount-2-category", "Children", "headcount-2-count", "2"));
        HttpResponse<String> twice = browser.post("/groups/new", fields);
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("href=\"#headcount-2-category\"") && twice.body().contains("Group 3 is given"
                + " twice"), "the message names the row the person typed, not the API's index: " + twice.body());
        fields.put("headcount-2-category", "Carers not on the caseload");
        fields.put("headcount-2-count", "a few");
        HttpResponse<String> notANumber = browser.post("/groups/new", fields);
        assertEquals(400, notANumber.statusCode());
        assertTrue(notANumber.body().contains("How many in group 3 must be a whole number"), notANumber.body());
        assertTrue(notANumber.body().contains("value=\"a few\""), "what was typed is kept");
        fields.put("headcount-2-count", "2");
        HttpResponse<String> recorded = browser.post("/groups/new", fields);
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertTrue(recorded.body().contains("Group session recorded with 6 attending"), recorded.body());
        String sessions = api.get("/api/v1/group-sessions?contractId=" + contract, tenant.token(Role.PRACTITIONER))
                .expect(200).body();
        assertTrue(sessions.contains("\"category\":\"Children\",\"count\":3")
                && sessions.contains("\"category\":\"Carers not on the caseload\",\"count\":2"), sessions);
    }
}
