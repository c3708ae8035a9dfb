package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * A new referral in the browser: the person found by name, the source chosen, the module's form rendered from its
 * JSON Schema, checked by the API's own validator with the errors beside their fields, and nothing lost on an error.
 */
@MicronautTest(transactional = false)
class NewReferralPageTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    Casework work;
    String person;
    String theirPerson;

    @BeforeAll
    void aPersonToRefer() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, "fixture", Map.of());
        person = work.person("Fay", "Formtest", "1980-05-05", null);
        theirPerson = new Casework(api, tenant, work.contract, tenant.otherProviderPractitioner)
                .person("Gus", "Formtest", "1981-05-05", null);
    }

    @Test
    void aReferralFromTheModulesFormWithItsErrorsInPlainEnglish() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String found = browser.get("/referrals/new?contract=" + work.contract + "&q=Formtest").body();
        assertTrue(found.contains("Fay Formtest"), found);
        assertFalse(found.contains("Gus Formtest"), "another provider's person is never offered");
        String sources = browser.get("/referrals/new/form?contract=" + work.contract + "&person=" + person).body();
        assertTrue(sources.contains("Self-referral"), "the sources are the contract's list");
        String form = browser.get("/referrals/new/form?contract=" + work.contract + "&person=" + person
                + "&source=GP").body();
        for (String field : new String[] {"name=\"data.reason\"", "name=\"data.crisis\"",
                "name=\"data.referrer.name\"", "receivedAt-day"}) {
            assertTrue(form.contains(field), field + " in " + form);
        }
        assertTrue(form.contains("<textarea"), "a long text is a textarea");
        assertTrue(form.contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Referrer"),
                "a nested object is a fieldset, labelled from its property name");

        Map<String, String> fields = new LinkedHashMap<>(Map.of("contract", work.contract, "person", person,
                "source", "GP", "receivedAt-day", "14", "receivedAt-month", "4", "receivedAt-year", "2026",
                "data.reason", "Struggling since the winter", "data.crisis", "false",
                "data.referrer.name", "x".repeat(201)));
        HttpResponse<String> tooLong = browser.post("/referrals/new/form", fields);
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("Name must be 200 characters or fewer"), tooLong.body());
        assertTrue(tooLong.body().contains("href=\"#data.referrer.name\""), "the summary links to the field");
        assertTrue(tooLong.body().contains("Struggling since the winter"), "what was entered is kept");
        assertFalse(tooLong.body().contains("maxLength") || tooLong.body().contains("$."), "no validator words");

        fields.put("receivedAt-month", "13");
        HttpResponse<String> badDate = browser.post("/referrals/new/form", fields);
        assertTrue(badDate.body().contains("The day the referral came must be a real date"), badDate.body());

        fields.put("receivedAt-month", "4");
        fields.put("data.referrer.name", "Dr Hal");
        HttpResponse<String> made = browser.post("/referrals/new/form", fields);
        assertEquals(303, made.statusCode(), made.body());
        String page = browser.get(made.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Referral of Fay Formtest"), page);
        assertTrue(page.contains("14 April 2026"), page);
    }

    @Test
    void aPersonNotOnTheRecordsIsAddedAndFoundForTheReferral() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(browser.get("/referrals/new?contract=" + work.contract + "&q=Newcomer").body()
                .contains("Add a person"));
        browser.get("/persons/new?contract=" + work.contract);
        Map<String, String> form = new LinkedHashMap<>(Map.of("contract", work.contract, "familyName", "Newcomer",
                "nhsNumber", "123 456 7890", "dateOfBirth-day", "31", "dateOfBirth-month", "2",
                "dateOfBirth-year", "1980"));
        HttpResponse<String> bad = browser.post("/persons/new", form);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Date of birth must be a real date"), bad.body());
        form.put("dateOfBirth-day", "28");
        HttpResponse<String> noName = browser.post("/persons/new", form);
        assertTrue(noName.body().contains("Enter given name"), noName.body());
        form.put("givenName", "Quinn");
        HttpResponse<String> badNhs = browser.post("/persons/new", form);
        assertEquals(400, badNhs.statusCode());
        assertTrue(badNhs.body().contains("NHS number"), badNhs.body());
        form.put("nhsNumber", "943 476 5919");
        HttpResponse<String> added = browser.post("/persons/new", form);
        assertEquals(303, added.statusCode(), added.body());
        String found = browser.get(added.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(found.contains("Quinn Newcomer, born 28 February 1980"), found);
    }

    @Test
    void anotherProvidersPersonCannotBeReferredByAnEditedAddress() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        HttpResponse<String> page = browser.get("/referrals/new/form?contract=" + work.contract + "&person="
                + theirPerson + "&source=GP");
        assertEquals(303, page.statusCode());
        browser.get("/caseload");
        HttpResponse<String> posted = browser.post("/referrals/new/form", Map.of("contract", work.contract,
                "person", theirPerson, "source", "GP", "receivedAt-day", "14", "receivedAt-month", "4",
                "receivedAt-year", "2026"));
        assertEquals(303, posted.statusCode());
        assertEquals("/referrals/new", posted.headers().firstValue("Location").orElse(""));
    }
}
