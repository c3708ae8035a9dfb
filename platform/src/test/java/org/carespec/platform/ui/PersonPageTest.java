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

/** A person's page: details, relationships, and a timeline of their referrals and activities; the provider's only. */
@MicronautTest(transactional = false)
class PersonPageTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    String person;
    String theirs;
    String contract;

    @BeforeAll
    void aPersonWithACase() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        Casework work = Casework.practitioner(api, tenant, "fixture", Map.of());
        contract = work.contract;
        person = api.post("/api/v1/persons", work.token, Map.of("givenName", "Kit", "familyName", "Timeline",
                "dateOfBirth", "1970-03-04", "nhsNumber", "9434765919", "preferredLanguage", "Polish",
                "equality", Map.of("sex", "FEMALE"))).expect(201).id();
        String friend = work.person("Lou", "Timeline", "1972-01-01", null);
        api.post("/api/v1/persons/" + person + "/relationships", work.token, Map.of("relatedPersonId", friend,
                "kind", "CARER_OF")).expect(201);
        String referral = work.refer(person, "2026-04-14T10:00:00", "GP", null, null).expect(201).id();
        api.post("/api/v1/contracts/" + work.contract + "/activities", work.token, Map.of("personId", person,
                "referralId", referral, "type", "PHONE", "occurredOn", "2026-04-16", "durationMinutes", 25))
                .expect(201);
        theirs = new Casework(api, tenant, work.contract, tenant.otherProviderPractitioner)
                .person("Mo", "Elsewhere", "1980-01-01", null);
    }

    @Test
    void detailsRelationshipsAndATimelineNewestFirst() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String page = browser.get("/persons/" + person).body();
        assertTrue(page.contains("Kit Timeline"), page);
        assertTrue(page.contains("943 476 5919"), "the NHS number, spaced as people read it");
        assertTrue(page.contains("Polish"), page);
        assertTrue(page.contains("Carer of Lou Timeline"), page);
        assertTrue(page.contains("Female"), "equality monitoring");
        assertTrue(page.indexOf("16 April 2026") < page.indexOf("14 April 2026"), "newest first");
        assertTrue(page.contains("25 minutes"), page);
    }

    @Test
    void aSafeguardingConcernRaisedFromThePersonsPageReachesTheManager() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/persons/" + person).body().contains("Raise a safeguarding concern"));
        browser.get("/persons/" + person + "/safeguarding");
        HttpResponse<String> none = browser.post("/persons/" + person + "/safeguarding", Map.of("contract", contract));
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("Select the kind of concern"), none.body());
        HttpResponse<String> noDetails = browser.post("/persons/" + person + "/safeguarding",
                Map.of("contract", contract, "category", "NEGLECT"));
        assertTrue(noDetails.body().contains("Enter what happened"), noDetails.body());
        HttpResponse<String> raised = browser.post("/persons/" + person + "/safeguarding", Map.of(
                "contract", contract, "category", "NEGLECT", "details", "No food in the house on the visit of 20 April."));
        assertEquals(200, raised.statusCode(), raised.body());
        assertTrue(raised.body().contains("Concern raised"), raised.body());
        assertTrue(api.get("/api/v1/safeguarding-concerns", tenant.token(Role.PROVIDER_MANAGER)).expect(200).body()
                .contains(person));
    }

    @Test
    void detailsAreChangedAndAClearedFieldIsCleared() {
        String person = api.post("/api/v1/persons", tenant.token(Role.PRACTITIONER), Map.of("givenName", "Kit",
                "familyName", "Changer", "nhsNumber", "4010232137", "preferredLanguage", "Polish")).expect(201).id();
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String form = browser.get("/persons/" + person + "/edit").body();
        assertTrue(form.contains("value=\"Polish\"") && form.contains("value=\"4010232137\""), form);
        Map<String, String> change = new java.util.LinkedHashMap<>(Map.of("givenName", "Kit", "familyName", "Changer",
                "dateOfBirth-day", "4", "dateOfBirth-month", "3", "dateOfBirth-year", "1970",
                "nhsNumber", "401 023 2137", "preferredLanguage", "", "phone", "01484 000000",
                "localAuthorityCode", "e08000034"));
        change.put("email", "not an email");
        HttpResponse<String> bad = browser.post("/persons/" + person + "/edit", change);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Email address"), bad.body());
        change.put("email", "");
        HttpResponse<String> saved = browser.post("/persons/" + person + "/edit", change);
        assertEquals(303, saved.statusCode(), saved.body());
        String page = browser.get("/persons/" + person).body();
        assertTrue(page.contains("01484 000000") && page.contains("E08000034"), page);
        assertFalse(page.contains("Polish"), "the cleared language is cleared");
    }

    @Test
    void anotherProvidersPersonIsNotFound() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        HttpResponse<String> page = browser.get("/persons/" + theirs);
        assertEquals(404, page.statusCode());
        assertFalse(page.body().contains("Elsewhere"));
        assertEquals(404, browser.get("/persons/" + theirs + "/safeguarding").statusCode());
        assertEquals(404, browser.get("/persons/" + theirs + "/edit").statusCode());
        assertEquals(404, browser.get("/persons/" + theirs + "/equality").statusCode());
        browser.get("/persons/" + person + "/equality");
        assertEquals(404, browser.post("/persons/" + theirs + "/equality", Map.of("sex", "MALE")).statusCode());
        assertFalse(api.get("/api/v1/persons/" + theirs, tenant.otherProviderPractitioner).expect(200).body()
                .contains("\"MALE\""), "another provider's person is unchanged");
    }

    @Test
    void equalityAnswersAreChangedWithPreferNotToSayAsAnAnswerAndBlankAsNotAsked() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/persons/" + person).body().contains("/persons/" + person + "/equality"));
        String form = browser.get("/persons/" + person + "/equality").body();
        assertTrue(form.contains("name=\"genderIdentity\"") && form.contains("Prefer not to say")
                && form.contains("Asian or Asian British: Indian"), form);
        HttpResponse<String> wrong = browser.post("/persons/" + person + "/equality", Map.of("sex", "FEMALE",
                "ethnicity", "I"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("Select ethnicity from the options"), wrong.body());
        HttpResponse<String> saved = browser.post("/persons/" + person + "/equality", Map.of("sex", "FEMALE",
                "ethnicity", "H", "disability", "NOT_STATED", "armedForces", ""));
        assertEquals(303, saved.statusCode(), saved.body());
        com.fasterxml.jackson.databind.JsonNode equality = api.get("/api/v1/persons/" + person,
                tenant.token(Role.PRACTITIONER)).expect(200).json().path("equality");
        assertEquals("FEMALE", equality.path("sex").asText(), equality.toString());
        assertEquals("H", equality.path("ethnicity").asText());
        assertEquals("NOT_STATED", equality.path("disability").asText());
        assertTrue(equality.path("armedForces").isMissingNode() || equality.path("armedForces").isNull(),
                "a question left blank was not asked: " + equality);
        String again = browser.get("/persons/" + person + "/equality").body();
        assertTrue(again.contains("value=\"FEMALE\" checked"), "the answers as they stand");
    }
}
