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

/** Tenant B's people try every id of tenant A: each is "not found", and nothing of A changes. */
@MicronautTest(transactional = false)
class TenantIsolationTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant a;
    TestTenant b;
    String contractOfA;

    @BeforeAll
    void twoTenants() {
        api = new Api(server);
        a = TestTenant.create(api);
        b = TestTenant.create(api);
        contractOfA = a.contract("fixture", Map.of());
        b.contract("fixture", Map.of());
    }

    @Test
    void everyReadOfAnotherTenantsIdIsNotFound() {
        List<String> paths = List.of("/api/v1/organisations/" + a.provider, "/api/v1/organisations/" + a.commissioner,
                "/api/v1/users/" + a.userIds.get(Role.PRACTITIONER), "/api/v1/contracts/" + contractOfA);
        for (Role role : List.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER)) {
            for (String path : paths) {
                ApiResponse response = api.get(path, b.token(role));
                if (response.status() == 403) {
                    continue; // the role may not read this kind of thing at all: the matrix proves that
                }
                assertEquals(404, response.status(), role + " of B reading " + path);
                assertTrue(response.isProblem());
                assertFalse(response.body().contains(a.slug), "a 404 must not echo anything of tenant A");
            }
        }
    }

    @Test
    void anotherTenantsContractCannotBeChangedAndStaysAsItWas() {
        ApiResponse refused = api.patch("/api/v1/contracts/" + contractOfA, b.token(Role.TENANT_ADMIN),
                Map.of("title", "Taken over"));
        assertEquals(404, refused.status());
        assertEquals("Test contract", api.get("/api/v1/contracts/" + contractOfA, a.token(Role.TENANT_ADMIN))
                .expect(200).text("/title"));
    }

    @Test
    void anotherTenantsOrganisationsCannotBeUsedInThisTenant() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", "intruder@" + b.slug + ".test");
        user.put("displayName", "Intruder");
        user.put("password", PASSWORD);
        user.put("organisationId", a.provider);
        user.put("roles", List.of("PRACTITIONER"));
        long usersOfABefore = api.get("/api/v1/users", a.token(Role.TENANT_ADMIN)).json().path("total").asLong();
        ApiResponse refused = api.post("/api/v1/users", b.token(Role.TENANT_ADMIN), user);
        assertEquals(400, refused.status());
        assertEquals(List.of("organisationId"), refused.problemFields());
        assertEquals(usersOfABefore,
        api.get("/api/v1/users", a.token(Role.TENANT_ADMIN)).json().path("total").asLong());

        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("moduleId", "fixture");
        contract.put("reference", "X");
        contract.put("title", "Cross-tenant");
        contract.put("commissionerId", a.commissioner);
        contract.put("providerId", a.provider);
        contract.put("startDate", "2026-04-01");
        contract.put("endDate", "2027-03-31");
        contract.put("annualValuePence", 1);
        contract.put("basis", "BLOCK");
        ApiResponse crossContract = api.post("/api/v1/contracts", b.token(Role.TENANT_ADMIN), contract);
        assertEquals(400, crossContract.status());
        assertEquals(List.of("commissionerId", "providerId"), crossContract.problemFields());
    }

    @Test
    void anotherTenantsUserCannotBeSignedOut() {
        assertEquals(404, api.post("/api/v1/users/" + a.userIds.get(Role.PRACTITIONER) + "/revoke-sessions",
                b.token(Role.TENANT_ADMIN), null).status());
    }

    @Test
    void listsShowNothingOfAnotherTenant() {
        String admin = b.token(Role.TENANT_ADMIN);
        for (String path : List.of("/api/v1/organisations?size=200", "/api/v1/users?size=200",
                "/api/v1/contracts?size=200", "/api/v1/audit/events?size=200")) {
            ApiResponse list = api.get(path, admin).expect(200);
            assertTrue(list.json().path("items").size() > 0, path + " should list B's own items");
            for (String idOfA : List.of(a.provider, a.commissioner, contractOfA, a.userIds.get(Role.PRACTITIONER), a.id)) {
                assertFalse(list.body().contains(idOfA), path + " shows tenant A's " + idOfA);
            }
        }
    }

    @Test
    void aTenantHeaderFromTheClientIsIgnored() {
        ApiResponse list = api.send("GET", "/api/v1/contracts", b.token(Role.TENANT_ADMIN), null,
                Map.of("X-Tenant-Id", a.id, "X-Tenant", a.slug, "tenant", a.id));
        assertFalse(list.expect(200).body().contains(contractOfA));
    }

    @Test
    void aMemberOfOneTenantCannotSignInToAnother() {
        Map<String, Object> login = Map.of("username", b.email(Role.PRACTITIONER), "password", PASSWORD,
                "tenant", a.slug);
        assertEquals(401, api.post("/login", null, login).status());
    }

    @Test
    void anOperatorTokenSeesNoTenantData() {
        String operator = api.operatorToken();
        assertEquals(403, api.get("/api/v1/contracts", operator).status());
        assertEquals(403, api.get("/api/v1/contracts/" + contractOfA, operator).status());
    }
}
