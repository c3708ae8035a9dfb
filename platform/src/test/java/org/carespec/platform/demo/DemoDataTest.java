package org.carespec.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.carespec.platform.demo.service.DemoDataLoader;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The demo the run command loads: two tenants, one account per role, loaded once. */
@MicronautTest(transactional = false)
class DemoDataTest extends IntegrationTest {

    static final String DEMO_PASSWORD = "demo password for the tests";

    @Inject
    EmbeddedServer server;
    @Inject
    DemoDataLoader loader;
    @Inject
    io.micronaut.context.ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.demo.enabled", "true", "carespec.demo.password", DEMO_PASSWORD);
    }

    @Test
    void everyDemoAccountSignsInToItsTenantWithTheDemoPassword() {
        Api api = new Api(server);
        for (String tenant : List.of("dorset", "kirklees")) {
            for (String role : List.of("admin", "commissioner", "manager", "practitioner", "volunteer")) {
                String token = api.login(role + "@" + tenant + ".demo", DEMO_PASSWORD, null);
                String tenantId = api.get("/api/v1/me", token).expect(200).text("/tenantId");
                assertEquals(tenant, api.get("/api/v1/tenants/" + tenantId, api.operatorToken()).expect(200)
                        .text("/slug"), role + "@" + tenant);
            }
        }
    }

    @Test
    void dorsetsManagerAndPractitionerWorkForDorsetMeSupportGroup() {
        Api api = new Api(server);
        String manager = api.login("manager@dorset.demo", DEMO_PASSWORD, null);
        String organisation = api.get("/api/v1/me", manager).text("/organisationId");
        assertEquals("Dorset ME Support Group", api.get("/api/v1/organisations/" + organisation, manager)
                .expect(200).text("/name"));
        String admin = api.login("admin@dorset.demo", DEMO_PASSWORD, null);
        List<String> names = api.get("/api/v1/organisations", admin).json().findValuesAsText("name");
        assertTrue(names.containsAll(List.of("NHS Dorset", "Dorset Council", "Dorset ME Support Group",
                "Dorset HealthCare University NHS Foundation Trust")), names.toString());
    }

    @Test
    void theDemoIsLoadedOnlyOnce() {
        loader.onApplicationEvent(new StartupEvent(context));
        Api api = new Api(server);
        assertEquals(2, api.get("/api/v1/tenants?size=200", api.operatorToken()).json().path("items")
                .findValuesAsText("slug").stream().filter(s -> s.equals("dorset") || s.equals("kirklees")).count());
    }
}
