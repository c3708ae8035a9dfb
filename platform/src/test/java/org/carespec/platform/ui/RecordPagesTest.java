package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records of any type of any module in the browser, with no page of the module's own: the community development
 * shape's contract-level training sessions made from their schema, and a working-group action moved through its
 * lifecycle.
 */
@MicronautTest(transactional = false)
class RecordPagesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    String contract;
    String action;
    String meeting;

    @BeforeAll
    void aCommunityDevelopmentContract() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        contract = tenant.contract("cdw-shape", Map.of());
        String token = tenant.token(Role.PRACTITIONER);
        meeting = api.post("/api/v1/contracts/" + contract + "/records/working-group-meeting", token,
                Map.of("data", Map.of("notes", "First meeting"))).expect(201).id();
        action = api.post("/api/v1/contracts/" + contract + "/records/working-group-action", token,
                Map.of("data", Map.of("action", "Map the food banks"), "links", Map.of("meeting", meeting)))
                .expect(201).id();
    }

    @Test
    void aContractLevelRecordMadeFromItsSchemaWithPlainEnglishErrors() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String types = browser.get("/records?contract=" + contract).body();
        assertTrue(types.contains("Training session delivered") && types.contains("Working group action"), types);
        String form = browser.get("/records/" + contract + "/training-session/new").body();
        assertTrue(form.contains("name=\"data.topic\"") && form.contains("name=\"data.attendees\""), form);
        assertFalse(form.contains("name=\"personId\""), "a contract-level record is about nobody");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("recordedOn-day", "20", "recordedOn-month", "4",
                "recordedOn-year", "2026", "data.attendees", "a dozen"));
        HttpResponse<String> bad = browser.post("/records/" + contract + "/training-session/new", fields);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Attendees must be a whole number"), bad.body());
        fields.put("data.attendees", "12");
        HttpResponse<String> noTopic = browser.post("/records/" + contract + "/training-session/new", fields);
        assertTrue(noTopic.body().contains("Enter topic"), noTopic.body());
        fields.put("data.topic", "Mental health first aid");
        // "Other" reveals a field the schema then requires (if/then); a headcount is a number for each code
        assertTrue(form.contains("data-aria-controls=\"conditional-data.delivery-2\"") && form.contains(
                "<div class=\"govuk-radios__conditional govuk-radios__conditional--hidden\"\n"), form);
        assertTrue(form.indexOf("name=\"data.deliveryOther\"") > form.indexOf("id=\"conditional-data.delivery-2\""),
                "the dependent field is drawn beneath its choice");
        assertTrue(form.contains("name=\"data.byRace.ASIAN\"") && form.contains("Asian or Asian British"), form);
        fields.put("data.delivery", "OTHER");
        fields.put("data.byRace.ASIAN", "two");
        HttpResponse<String> notANumber = browser.post("/records/" + contract + "/training-session/new", fields);
        assertEquals(400, notANumber.statusCode());
        assertTrue(notANumber.body().contains("By race: the number of people must be a whole number"),
                notANumber.body());
        assertTrue(notANumber.body().contains("<div class=\"govuk-radios__conditional\"\n"), "shown, as chosen");
        fields.put("data.byRace.ASIAN", "2");
        HttpResponse<String> noOther = browser.post("/records/" + contract + "/training-session/new", fields);
        assertEquals(400, noOther.statusCode());
        assertTrue(noOther.body().contains("Enter how else it was delivered"), noOther.body());
        fields.put("data.byRace.WHITE", "7");
        fields.put("data.delivery", "ONLINE");
        fields.put("data.deliveryOther", "typed before the choice changed");
        HttpResponse<String> made = browser.post("/records/" + contract + "/training-session/new", fields);
        assertEquals(303, made.statusCode(), made.body());
        String madeId = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "").replace("?made=yes", "");
        JsonNode stored = api.get("/api/v1/records/" + madeId, tenant.token(Role.PRACTITIONER)).expect(200).json().path("data");
        assertEquals("ONLINE", stored.path("delivery").asText());
        assertFalse(stored.has("deliveryOther"), "a revealed field whose choice changed is not kept: " + stored);
        assertEquals(2, stored.path("byRace").path("ASIAN").asInt(), stored.toString());
        assertEquals(7, stored.path("byRace").path("WHITE").asInt(), stored.toString());
        assertFalse(stored.path("byRace").has("BLACK"), "a blank count is left out");
        String view = browser.get(made.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(view.contains("Mental health first aid") && view.contains("Record made"), view);
        assertTrue(browser.get("/records/" + contract + "/training-session").body().contains("20 April 2026"));
    }

    @Test
    void aRecordMovesThroughItsLifecycleAndAMoveItDoesNotAllowIsRefusedWithTheReason() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String view = browser.get("/records/view/" + action).body();
        assertTrue(view.contains("Map the food banks") && view.contains(">DONE</button>"), view);
        HttpResponse<String> moved = browser.post("/records/view/" + action + "/moves", Map.of("status", "DONE"));
        assertEquals(303, moved.statusCode(), moved.body());
        String done = browser.get("/records/view/" + action).body();
        assertTrue(done.contains("<strong class=\"govuk-tag\">DONE</strong>"), done);
        assertFalse(done.contains("Move it on"), "DONE is final");
        HttpResponse<String> refused = browser.post("/records/view/" + action + "/moves", Map.of("status", "OPEN"));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("DONE"), refused.body());
        Browser other = new Browser(server.getURI());
        other.signIn("practitioner2@" + tenant.slug + ".test", PASSWORD);
        assertEquals(404, other.get("/records/view/" + action).statusCode(), "another provider's record");
        assertEquals(404, other.get("/records/" + contract + "/training-session").statusCode());
    }

    @Test
    void aRecordThatMustLinkToAnotherOffersTheContractsRecordsOfThatType() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        String form = browser.get("/records/" + contract + "/working-group-action/new").body();
        assertTrue(form.contains("name=\"links.meeting\"") && form.contains("Working group meeting")
                && form.contains("value=\"" + meeting + "\"") && form.contains("First meeting"), form);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("recordedOn-day", "21", "recordedOn-month", "4",
                "recordedOn-year", "2026", "data.action", "Invite the GP practices"));
        HttpResponse<String> unlinked = browser.post("/records/" + contract + "/working-group-action/new", fields);
        assertEquals(400, unlinked.statusCode());
        assertTrue(unlinked.body().contains("Select the working group meeting this record belongs to"),
                unlinked.body());
        fields.put("links.meeting", meeting);
        HttpResponse<String> made = browser.post("/records/" + contract + "/working-group-action/new", fields);
        assertEquals(303, made.statusCode(), made.body());
        String id = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "")
                .replace("?made=yes", "");
        assertEquals(meeting, api.get("/api/v1/records/" + id, tenant.token(Role.PRACTITIONER)).expect(200).json()
                .path("links").path("meeting").asText());
    }

    @Test
    void aRecordIsChangedOnItsPageAndASecondChangeMadeAtOnceIsToldSo() {
        String token = tenant.token(Role.PRACTITIONER);
        String id = api.post("/api/v1/contracts/" + contract + "/records/training-session", token, Map.of(
                "recordedOn", "2026-04-22", "data", Map.of("topic", "Carers' rights", "attendees", 9)))
                .expect(201).id();
        Browser first = new Browser(server.getURI());
        first.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertTrue(first.get("/records/view/" + id).body().contains("/records/view/" + id + "/change"));
        String form = first.get("/records/view/" + id + "/change").body();
        assertTrue(form.contains("value=\"Carers&#39; rights\"") && form.contains("value=\"9\"")
                && form.contains("name=\"revision\" value=\"1\"") && form.contains("value=\"22\""), form);
        Browser second = new Browser(server.getURI());
        second.signIn(tenant.email(Role.PROVIDER_MANAGER), PASSWORD);
        second.get("/records/view/" + id + "/change");
        Map<String, String> change = new LinkedHashMap<>(Map.of("revision", "1", "recordedOn-day", "22",
                "recordedOn-month", "4", "recordedOn-year", "2026", "data.topic", "Carers' rights and benefits",
                "data.attendees", "11"));
        HttpResponse<String> saved = first.post("/records/view/" + id + "/change", change);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(first.get("/records/view/" + id).body().contains("rights and benefits"));
        change.put("data.topic", "Benefits");
        HttpResponse<String> late = second.post("/records/view/" + id + "/change", change);
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("Someone else changed this record") && late.body().contains("value=\"Benefits\"")
                && late.body().contains("name=\"revision\" value=\"2\""), late.body());
        assertEquals("Carers' rights and benefits", api.get("/api/v1/records/" + id, token).expect(200).json()
                .path("data").path("topic").asText(), "the second change did not overwrite the first");
        change.put("revision", "2");
        change.put("data.attendees", "lots");
        HttpResponse<String> bad = second.post("/records/view/" + id + "/change", change);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Attendees must be a whole number"), bad.body());
        change.put("data.attendees", "12");
        assertEquals(303, second.post("/records/view/" + id + "/change", change).statusCode());
        assertEquals(12, api.get("/api/v1/records/" + id, token).expect(200).json().path("data").path("attendees")
                .asInt());
    }
}
