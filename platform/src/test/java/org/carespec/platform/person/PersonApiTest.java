package org.carespec.platform.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People: the record, its checks, relationships, and the audit of who read it. */
@MicronautTest(transactional = false)
class PersonApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String practitioner;

    @BeforeAll
    void world() {
        api = new Api(server);
        t = TestTenant.create(api);
        practitioner = t.token(Role.PRACTITIONER);
    }

    @Test
    void aFullRecordIsKeptWithEqualityMonitoringAndTheAgeWorkedOut() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Morag");
        body.put("familyName", "Campbell");
        body.put("dateOfBirth", "1961-11-30");
        body.put("nhsNumber", "943 476 5919");
        body.put("postcode", "hd1 2ab");
        body.put("address", "1 High Street, Huddersfield");
        body.put("phone", "01484 000000");
        body.put("email", "morag@example.org");
        body.put("gpPractice", "Greenhead Surgery");
        body.put("preferredLanguage", "Gaelic");
        body.put("interpreterNeeded", true);
        body.put("communicationNeeds", "BSL interpreter");
        body.put("equality", Map.of("sex", "FEMALE", "genderIdentity", "NOT_STATED", "sexualOrientation", "NOT_STATED",
                "religionOrBelief", "NO_RELIGION", "disability", "YES", "marriageOrCivilPartnership", "NOT_STATED",
                "pregnancyOrMaternity", "NEITHER", "ethnicity", "Z", "armedForces", "VETERAN"));
        ApiResponse created = api.post("/api/v1/persons", practitioner, body).expect(201);
        JsonNode p = api.get("/api/v1/persons/" + created.id(), practitioner).expect(200).json();
        assertEquals("9434765919", p.path("nhsNumber").asText(), "spaces are taken out");
        assertEquals("HD1 2AB", p.path("postcode").asText(), "postcodes are kept in capitals");
        assertEquals("BSL interpreter", p.path("communicationNeeds").asText());
        assertEquals("Z", p.path("equality").path("ethnicity").asText());
        assertEquals("VETERAN", p.path("equality").path("armedForces").asText());
        assertEquals(65, p.path("age").asInt(), "65 on the suite's day, 30 November 2026, her birthday");
    }

    @Test
    void anAgeGoesUpOnTheBirthdayItselfNotTheDayBeforeOrAfter() {
        // The suite's day is 30 November 2026.
        for (Object[] c : new Object[][] {{"1960-11-30", 66}, {"1960-12-01", 65}, {"1960-11-29", 66},
                {"2008-11-30", 18}, {"2008-12-01", 17}, {"2024-02-29", 2}}) {
            String id = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Age", "familyName", "Test",
                    "dateOfBirth", c[0])).expect(201).id();
            assertEquals(c[1], api.get("/api/v1/persons/" + id, practitioner).expect(200).json().path("age").asInt(),
                    "born " + c[0]);
        }
    }

    @Test
    void badDetailsAreRefusedNamingEachField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "");
        body.put("familyName", "Smith");
        body.put("nhsNumber", "9434765918");
        body.put("postcode", "NOT A CODE");
        body.put("email", "not-an-email");
        body.put("dateOfBirth", "2099-01-01"); // in the range any date may take, but not yet
        body.put("equality", Map.of("ethnicity", "I", "sex", "SOMETIMES"));
        ApiResponse r = api.post("/api/v1/persons", practitioner, body);
        assertEquals(400, r.status());
        assertTrue(r.isProblem());
        List<String> fields = r.problemFields();
        assertTrue(fields.contains("equality.sex") || fields.contains("equality"), fields.toString());
        body.put("equality", Map.of("ethnicity", "I"));
        List<String> named = api.post("/api/v1/persons", practitioner, body).expect(400).problemFields();
        for (String field : List.of("givenName", "email", "dateOfBirth", "equality.ethnicity")) {
            assertTrue(named.contains(field), field + " in " + named);
        }
        body.put("givenName", "Jo");
        body.put("email", "jo@example.org");
        body.put("dateOfBirth", "1990-01-01");
        body.remove("equality");
        List<String> checked = api.post("/api/v1/persons", practitioner, body).expect(400).problemFields();
        assertTrue(checked.contains("nhsNumber") || checked.contains("postcode"), checked.toString());
        assertEquals(0, api.get("/api/v1/persons?name=Jo", practitioner).json().path("items").size(),
                "nothing was half-written");
    }

    @Test
    void theSameNhsNumberTwiceInOneOrganisationIsAConflict() {
        Map<String, Object> body = Map.of("givenName", "Ann", "familyName", "Lee", "nhsNumber", "4010232137");
        api.post("/api/v1/persons", practitioner, body).expect(201);
        ApiResponse again = api.post("/api/v1/persons", practitioner, body);
        assertEquals(409, again.status());
        assertTrue(again.body().contains("NHS number"));
        api.post("/api/v1/persons", t.otherProviderPractitioner, body).expect(201);
    }

    @Test
    void aChangeKeepsWhatItLeavesOutAndClearsWhatItEmpties() {
        String id = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Bea", "familyName", "Khan",
                "phone", "0700", "gpPractice", "Old Surgery")).expect(201).id();
        JsonNode p = api.patch("/api/v1/persons/" + id, practitioner, Map.of("gpPractice", "", "familyName", "Khan-Ali"))
                .expect(200).json();
        assertEquals("Khan-Ali", p.path("familyName").asText());
        assertEquals("0700", p.path("phone").asText());
        assertTrue(p.path("gpPractice").isNull() || p.path("gpPractice").isMissingNode());
        assertEquals(400, api.patch("/api/v1/persons/" + id, practitioner, Map.of("familyName", " ")).status());
    }

    @Test
    void relationshipsReadFromBothSides() {
        String carer = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Cal", "familyName", "Moss"))
                .expect(201).id();
        String child = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Kit", "familyName", "Moss"))
                .expect(201).id();
        api.post("/api/v1/persons/" + carer + "/relationships", practitioner,
                Map.of("relatedPersonId", child, "kind", "PARENT_OF")).expect(201);
        assertEquals(409, api.post("/api/v1/persons/" + carer + "/relationships", practitioner,
                Map.of("relatedPersonId", child, "kind", "PARENT_OF")).status());
        assertEquals(400, api.post("/api/v1/persons/" + carer + "/relationships", practitioner,
                Map.of("relatedPersonId", carer, "kind", "CARER_OF")).status(), "nobody is related to themselves");
        JsonNode fromChild = api.get("/api/v1/persons/" + child, practitioner).json().path("relationships").get(0);
        assertEquals(carer, fromChild.path("personId").asText());
        assertEquals("Cal Moss", fromChild.path("name").asText());
        assertFalse(fromChild.path("relationship").asText().isEmpty());
        assertEquals("PARENT_OF", api.get("/api/v1/persons/" + carer, practitioner).json()
                .path("relationships").get(0).path("relationship").asText());
    }

    @Test
    void readingARecordLeavesAnAuditEventNamingTheReader() {
        String id = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Dee", "familyName", "Roe"))
                .expect(201).id();
        api.get("/api/v1/persons/" + id, practitioner).expect(200);
        api.get("/api/v1/persons/" + id, t.token(Role.PROVIDER_MANAGER)).expect(200);
        JsonNode events = api.get("/api/v1/audit/events?entity=person&entityId=" + id, t.token(Role.TENANT_ADMIN))
                .expect(200).json().path("items");
        long reads = 0;
        boolean insert = false;
        for (JsonNode e : events) {
            if (e.path("action").asText().equals("read")) {
                reads++;
            }
            insert |= e.path("action").asText().equals("insert");
        }
        assertEquals(2, reads);
        assertTrue(insert, "the creation is in the trail too");
        assertTrue(events.toString().contains(t.userIds.get(Role.PRACTITIONER)), "the reader is named by user id");
    }

    @Test
    void volunteersListNamesOnlyAndCannotOpenARecord() {
        String id = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Eve", "familyName", "Volk",
                "dateOfBirth", "1950-01-01", "postcode", "HD1 2AB")).expect(201).id();
        String volunteer = t.token(Role.VOLUNTEER);
        JsonNode item = api.get("/api/v1/persons?name=Volk", volunteer).expect(200).json().path("items").get(0);
        assertEquals(id, item.path("id").asText());
        assertEquals("Eve", item.path("givenName").asText());
        assertTrue(item.path("dateOfBirth").isNull() || item.path("dateOfBirth").isMissingNode());
        assertTrue(item.path("postcode").isNull() || item.path("postcode").isMissingNode());
        assertEquals(403, api.get("/api/v1/persons/" + id, volunteer).status());
        assertEquals(403, api.post("/api/v1/persons", volunteer, Map.of("givenName", "X", "familyName", "Y")).status());
    }
}
