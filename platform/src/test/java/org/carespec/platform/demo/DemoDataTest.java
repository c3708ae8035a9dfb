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
    void aModuleMayBringSeveralDemoContractsEachWithItsCommissionerProviderAndPart() {
        Api api = new Api(server);
        String admin = api.login("admin@dorset.demo", DEMO_PASSWORD, null);
        List<com.fasterxml.jackson.databind.JsonNode> contracts = new java.util.ArrayList<>();
        api.get("/api/v1/contracts?size=200", admin).expect(200).json().path("items").forEach(c -> {
            if ("short-breaks-shape".equals(c.path("moduleId").asText())) {
                contracts.add(c);
            }
        });
        assertEquals(List.of("part-1", "part-2"), contracts.stream().map(c -> c.path("specificationPart").asText())
                .sorted().toList());
        for (var c : contracts) {
            assertEquals("Wessex Children's Care at Home", api.get("/api/v1/organisations/"
                    + c.path("providerId").asText(), admin).expect(200).text("/name"));
        }
        assertEquals(List.of("Dorset Council", "NHS Dorset"), contracts.stream()
                .sorted(java.util.Comparator.comparing(c -> c.path("specificationPart").asText()))
                .map(c -> api.get("/api/v1/organisations/" + c.path("commissionerId").asText(), admin).text("/name"))
                .toList());
        // the cases went in through the API as a practitioner of that provider, made for it by the loader
        String wessex = contracts.get(0).path("providerId").asText();
        String email = null;
        for (var u : api.get("/api/v1/users?size=200", admin).expect(200).json().path("items")) {
            if (wessex.equals(u.path("organisationId").asText())) {
                email = u.path("email").asText();
            }
        }
        String practitioner = api.login(email, DEMO_PASSWORD, "dorset");
        for (var c : contracts) {
            assertEquals(1, api.get("/api/v1/contracts/" + c.path("id").asText() + "/records/care-plan", practitioner)
                    .expect(200).json().path("total").asInt(), c.toString());
        }
        assertEquals(404, api.get("/api/v1/contracts/" + contracts.get(0).path("id").asText() + "/records/care-plan",
                api.login("practitioner@dorset.demo", DEMO_PASSWORD, null)).status(), "another provider's contract");
    }

    @Test
    void theDemoIsLoadedOnlyOnce() {
        loader.onApplicationEvent(new StartupEvent(context));
        Api api = new Api(server);
        assertEquals(2, api.get("/api/v1/tenants?size=200", api.operatorToken()).json().path("items")
                .findValuesAsText("slug").stream().filter(s -> s.equals("dorset") || s.equals("kirklees")).count());
    }
}
