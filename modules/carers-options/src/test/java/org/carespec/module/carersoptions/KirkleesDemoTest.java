package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.carespec.platform.demo.service.DemoCasesLoader;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The run command's demo: the Kirklees tenant gets a Carers Options contract with two quarters of cases, loaded
 * through the API, and the last complete quarter's return is full of figures; a second start adds nothing.
 */
@MicronautTest(transactional = false)
class KirkleesDemoTest extends IntegrationTest {

    static final String PASSWORD = "demo-password-for-tests";

    @Inject
    EmbeddedServer server;

    @Inject
    DemoCasesLoader loader;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("carespec.demo.enabled", "true");
        properties.put("carespec.demo.password", PASSWORD);
        return properties;
    }

    @Test
    void theLastQuarterOfTheDemoHasARealReturnAndASecondStartAddsNothing() {
        Api api = new Api(server);
        String manager = api.login("manager@kirklees.demo", PASSWORD, "kirklees");
        JsonNode contracts = api.get("/api/v1/contracts", manager).expect(200).json();
        assertEquals(1, contracts.path("total").asInt());
        String contract = contracts.path("items").get(0).path("id").asText();
        LocalDate quarter = KirkleesDemo.quarterStart(TODAY).minusMonths(3);
        int first = quarter.getMonthValue() >= 4 ? quarter.getYear() : quarter.getYear() - 1;
        String period = first + "-" + String.format("%02d", (first + 1) % 100) + "-Q"
                + ((quarter.getMonthValue() + 8) / 3 % 4 + 1);
        JsonNode q = api.get("/api/v1/contracts/" + contract + "/returns/" + period, manager).expect(200).json();
        Map<String, Integer> values = new HashMap<>();
        q.path("lines").forEach(l -> values.put(l.path("code").asText(), l.path("value").asInt()));
        for (String code : new String[] {"CO01", "CO06", "CO07", "CO09", "CO12", "CO13"}) {
            assertTrue(values.get(code) > 0, code + " in " + q);
        }
        assertEquals(values.get("CO01"), values.get("CO07"), "every carer using the service has an age band");

        loader.onApplicationEvent(new ServerStartupEvent(server));
        assertEquals(1, api.get("/api/v1/contracts", manager).json().path("total").asInt());
        assertEquals(q.path("lines").toString(), api.get("/api/v1/contracts/" + contract + "/returns/" + period,
                manager).json().path("lines").toString(), "a second start changes nothing");
    }
}
