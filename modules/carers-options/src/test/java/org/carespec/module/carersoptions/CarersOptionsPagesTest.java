package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The carers-options referral form in the browser, rendered from the module's schema with no page of its own: its
 * required answers are asked for in plain English, and a referral made there gets the module's verdict and clocks.
 */
@MicronautTest(transactional = false)
class CarersOptionsPagesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    TestTenant tenant;
    Casework work;
    String carer;

    @BeforeAll
    void aCarerAndTheirSon() {
        Api api = new Api(server);
        tenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, CarersOptionsPlugin.ID, Map.of());
        carer = work.person("Ivy", "Pagecarer", "1966-06-06", "HD1 2AB");
        String son = work.person("Jon", "Pagecarer", "1994-04-04", "HD1 2AB");
        api.post("/api/v1/persons/" + carer + "/relationships", work.token, Map.of("relatedPersonId", son,
                "kind", "CARER_OF")).expect(201);
    }

    @Test
    void theModulesReferralFormAsksForItsAnswersInPlainEnglishThenGivesTheVerdict() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String form = browser.get("/referrals/new/form?contract=" + work.contract + "&person=" + carer
                + "&source=MENTAL_HEALTH_PROFESSIONAL").body();
        assertTrue(form.contains("Jon Pagecarer (Carer of)"), "the cared-for son is offered, ticked");
        assertTrue(form.contains("name=\"data.relationshipToCaredFor\""), form);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("contract", work.contract, "person", carer,
                "source", "MENTAL_HEALTH_PROFESSIONAL", "receivedAt-day", "10", "receivedAt-month", "3",
                "receivedAt-year", "2026"));
        HttpResponse<String> empty = browser.post("/referrals/new/form", fields);
        assertEquals(400, empty.statusCode(), empty.body());
        for (String message : List.of("Enter referrer", "Select relationship to cared for",
                "Select yes or no for cared for serious mental ill health")) {
            assertTrue(empty.body().contains(message), message + " in " + empty.body());
        }
        assertFalse(empty.body().contains("required property"), "no validator words");

        fields.putAll(Map.of("data.referrer.name", "Dr Kay", "data.referrer.organisation", "Huddersfield CMHT",
                "data.relationshipToCaredFor", "PARENT", "data.caredForSeriousMentalIllHealth", "true",
                "data.caredForAssessedMentalHealthNeed", "true", "data.significantCaring", "true"));
        String related = browser.get("/referrals/new/form?contract=" + work.contract + "&person=" + carer
                + "&source=MENTAL_HEALTH_PROFESSIONAL").body();
        String son = related.substring(related.indexOf("name=\"relatedPersonIds\""));
        son = son.substring(son.indexOf("value=\"") + 7, son.indexOf("value=\"") + 43);
        fields.put("relatedPersonIds", son);
        HttpResponse<String> made = browser.post("/referrals/new/form", fields);
        assertEquals(303, made.statusCode(), made.body());
        String page = browser.get(made.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Eligible"), page);
        assertTrue(page.contains("First contact within 3 working days"), "the module's clocks");
        assertTrue(page.contains("13 March 2026"), "three working days after Tuesday 10 March");
    }
}
