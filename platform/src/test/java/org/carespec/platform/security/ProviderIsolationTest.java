package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Inside one tenant: a provider sees only its own contracts, people and modules; a commissioner only the contracts
 * it holds. Everything else answers "not found".
 */
@MicronautTest(transactional = false)
class ProviderIsolationTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String contractOfProviderOne;
    String otherCommissionerToken;

    @BeforeAll
    void oneTenantTwoProviders() {
        api = new Api(server);
        t = TestTenant.create(api);
        contractOfProviderOne = t.contract("fixture", Map.of());
        String admin = t.token(Role.TENANT_ADMIN);
        String otherCommissioner = api.post("/api/v1/organisations", admin,
                Map.of("name", "Another commissioner", "kind", "COMMISSIONER")).expect(201).id();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", "commissioner2@" + t.slug + ".test");
        user.put("displayName", "Second commissioner");
        user.put("password", PASSWORD);
        user.put("organisationId", otherCommissioner);
        user.put("roles", List.of("COMMISSIONER"));
        api.post("/api/v1/users", admin, user).expect(201);
        otherCommissionerToken = api.login("commissioner2@" + t.slug + ".test", PASSWORD, t.slug);
    }

    @Test
    void anotherProvidersContractIsNotFound() {
        for (String token : List.of(t.otherProviderManager, t.otherProviderPractitioner)) {
            assertEquals(404, api.get("/api/v1/contracts/" + contractOfProviderOne, token).status());
            assertFalse(api.get("/api/v1/contracts", token).expect(200).body().contains(contractOfProviderOne));
        }
        assertEquals(200, api.get("/api/v1/contracts/" + contractOfProviderOne, t.token(Role.PRACTITIONER)).status());
        assertEquals(200, api.get("/api/v1/contracts/" + contractOfProviderOne, t.token(Role.VOLUNTEER)).status());
    }

    @Test
    void aCommissionerSeesOnlyTheContractsItHolds() {
        assertEquals(200, api.get("/api/v1/contracts/" + contractOfProviderOne, t.token(Role.COMMISSIONER)).status());
        assertEquals(404, api.get("/api/v1/contracts/" + contractOfProviderOne, otherCommissionerToken).status());
        assertEquals(0, api.get("/api/v1/contracts", otherCommissionerToken).expect(200).json().path("total").asInt());
        assertTrue(api.get("/api/v1/contracts", otherCommissionerToken).json().path("items").isArray(),
                "an empty page still has its items, as []");
    }

    @Test
    void aProviderManagerSeesAndManagesOnlyTheirOwnPeople() {
        ApiResponse users = api.get("/api/v1/users?size=200", t.otherProviderManager).expect(200);
        users.json().path("items").forEach(u -> assertEquals(t.otherProvider, u.path("organisationId").asText()));
        assertEquals(2, users.json().path("total").asInt());
        assertEquals(404,
        api.get("/api/v1/users/" + t.userIds.get(Role.PRACTITIONER), t.otherProviderManager).status());
        assertEquals(404, api.post("/api/v1/users/" + t.userIds.get(Role.PRACTITIONER) + "/revoke-sessions",
                t.otherProviderManager, null).status());

        Map<String, Object> intoProviderOne = new LinkedHashMap<>();
        intoProviderOne.put("email", "planted@" + t.slug + ".test");
        intoProviderOne.put("displayName", "Planted");
        intoProviderOne.put("password", PASSWORD);
        intoProviderOne.put("organisationId", t.provider);
        intoProviderOne.put("roles", List.of("PRACTITIONER"));
        assertEquals(403, api.post("/api/v1/users", t.otherProviderManager, intoProviderOne).status());
    }

    @Test
    void aProviderSeesOnlyItselfAndTheOrganisationsItContractsWith() {
        ApiResponse own = api.get("/api/v1/organisations", t.otherProviderPractitioner).expect(200);
        assertEquals(1, own.json().path("total").asInt());
        assertEquals(t.otherProvider, own.text("/items/0/id"));
        assertEquals(404, api.get("/api/v1/organisations/" + t.provider, t.otherProviderPractitioner).status());
        assertEquals(404, api.get("/api/v1/organisations/" + t.commissioner, t.otherProviderPractitioner).status());
        ApiResponse withContract = api.get("/api/v1/organisations", t.token(Role.PRACTITIONER)).expect(200);
        assertEquals(2, withContract.json().path("total").asInt(), "itself and its commissioner");
    }

    @Test
    void aProviderSeesOnlyTheModulesItsContractsEnable() {
        assertEquals(0, api.get("/api/v1/modules", t.otherProviderPractitioner).expect(200).json().path("total").asInt());
        assertEquals(404, api.get("/api/v1/modules/fixture", t.otherProviderPractitioner).status());
        ApiResponse enabled = api.get("/api/v1/modules", t.token(Role.PRACTITIONER)).expect(200);
        assertEquals(1, enabled.json().path("total").asInt());
        assertEquals("fixture", enabled.text("/items/0/id"));
        assertTrue(api.get("/api/v1/modules", t.token(Role.COMMISSIONER)).json().path("total").asInt() >= 1);
    }
}
