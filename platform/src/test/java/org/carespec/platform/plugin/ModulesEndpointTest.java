package org.carespec.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/** GET /api/v1/modules tells a developer and an administrator what each plugin brings, each item with its source. */
@MicronautTest(transactional = false)
class ModulesEndpointTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theFixtureModuleIsDescribedWithEverythingItContributes() {
        Api api = new Api(server);
        JsonNode modules = api.get("/api/v1/modules", api.operatorToken()).expect(200).json().path("items");
        JsonNode fixture = null;
        for (JsonNode m : modules) {
            if (m.path("id").asText().equals("fixture")) {
                fixture = m;
            }
        }
        assertEquals("1.0.0", fixture.path("version").asText());
        assertEquals("[2.0.0,3.0.0)", fixture.path("requiresApi").asText());
        assertEquals("FIX/1", fixture.path("specifications").get(0).path("number").asText());
        assertEquals(10, fixture.path("settingsSchema").path("properties").path("returnDueWorkingDays")
                .path("default").asInt());
        assertEquals("referral", fixture.path("forms").get(0).path("code").asText());
        assertEquals("assessment", fixture.path("recordTypes").get(0).path("code").asText());
        assertEquals("PERSON", fixture.path("recordTypes").get(0).path("subject").asText());
        JsonNode clock = fixture.path("clocks").get(0);
        assertEquals("first-contact", clock.path("code").asText());
        assertEquals("RECEIVED", clock.path("start").asText());
        assertEquals("CONTACTED", clock.path("stop").asText());
        assertEquals("[\"CONTACTED\"]", clock.path("stops").toString());
        assertEquals(3, clock.path("amount").asInt());
        assertEquals("WORKING_DAYS", clock.path("unit").asText());
        assertEquals("fixture §1", clock.path("source").asText());
        assertEquals("FX1", fixture.path("kpis").get(0).path("code").asText());
        assertEquals("FX2", fixture.path("narratives").get(0).path("code").asText());
        assertEquals("each year by 30 September", fixture.path("obligations").get(0).path("due").asText());
        assertEquals("once, 6 months after the contract starts", fixture.path("obligations").get(2).path("due")
                .asText());
        assertEquals("for each referral, 20 weeks after its first PLAN_AGREED", fixture.path("obligations").get(3)
                .path("due").asText());
        assertTrue(fixture.path("codeLists").findValuesAsText("code").contains("referral-source"));
        assertTrue(fixture.path("rules").findValuesAsText("code").containsAll(java.util.List.of("adult", "crisis",
                "enhanced-needs-assessment")));
        assertEquals("star", fixture.path("outcomeInstruments").get(0).path("code").asText());
        assertEquals("volunteer-induction", fixture.path("workerRequirements").get(0).path("code").asText());
    }
}
