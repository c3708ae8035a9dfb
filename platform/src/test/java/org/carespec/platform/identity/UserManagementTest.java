package org.carespec.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Who may give whom which role. */
@MicronautTest(transactional = false)
class UserManagementTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    @Test
    void aProviderManagerAddsAPractitionerToTheirOwnOrganisationWhoCanThenSignIn() {
        ApiResponse added = api.post("/api/v1/users", t.token(Role.PROVIDER_MANAGER),
                user("new.practitioner", t.provider, "PRACTITIONER")).expect(201);
        assertTrue(added.json().path("newAccount").asBoolean());
        assertEquals("/api/v1/users/" + added.id(), added.headers().get("location"));
        String token = api.login("new.practitioner@" + t.slug + ".test", PASSWORD, null);
        assertEquals(t.provider, api.get("/api/v1/me", token).text("/organisationId"));
    }

    @Test
    void aProviderManagerCannotHandOutCommissionerOrAdministratorRoles() {
        assertEquals(403, api.post("/api/v1/users", t.token(Role.PROVIDER_MANAGER),
                user("climber", t.provider, "TENANT_ADMIN")).status());
        assertEquals(403, api.post("/api/v1/users", t.token(Role.PROVIDER_MANAGER),
                user("climber2", t.provider, "COMMISSIONER")).status());
    }

    @Test
    void aProviderManagerCannotRaiseAnyonesRolesThroughAnUpdateNotEvenTheirOwn() {
        String manager = t.token(Role.PROVIDER_MANAGER);
        String self = t.userIds.get(Role.PROVIDER_MANAGER);
        String practitioner = t.userIds.get(Role.PRACTITIONER);
        for (String role : List.of("TENANT_ADMIN", "COMMISSIONER")) {
            assertEquals(403, api.patch("/api/v1/users/" + self, manager, Map.of("roles", List.of(role))).status(),
                    "their own account to " + role);
            assertEquals(403, api.patch("/api/v1/users/" + practitioner, manager, Map.of("roles",
                    List.of("PRACTITIONER", role))).status(), "a practitioner to " + role);
        }
        assertEquals(403, api.patch("/api/v1/users/" + practitioner, manager, Map.of("roles", List.of("OPERATOR")))
                .status());
        assertEquals(404, api.patch("/api/v1/users/" + t.userIds.get(Role.TENANT_ADMIN), manager,
                Map.of("roles", List.of("PROVIDER_MANAGER"))).status(), "someone outside their organisation");
        assertEquals(404, api.patch("/api/v1/users/" + t.userIds.get(Role.COMMISSIONER), manager,
                Map.of("displayName", "Renamed")).status());
        String admin = t.token(Role.TENANT_ADMIN);
        assertEquals(List.of("PROVIDER_MANAGER"), roles(api.get("/api/v1/users/" + self, admin).expect(200)));
        assertEquals(List.of("PRACTITIONER"), roles(api.get("/api/v1/users/" + practitioner, admin).expect(200)));
        assertEquals(List.of("PROVIDER_MANAGER"), roles(api.get("/api/v1/me", api.login(t.email(Role.PROVIDER_MANAGER),
                PASSWORD, null)).expect(200)), "a fresh sign-in carries the roles unchanged");
    }

    @Test
    void aProviderManagerMayMoveTheirStaffBetweenProviderRoles() {
        String id = api.post("/api/v1/users", t.token(Role.PROVIDER_MANAGER),
                user("promoted", t.provider, "VOLUNTEER")).expect(201).id();
        assertEquals(List.of("PRACTITIONER"), roles(api.patch("/api/v1/users/" + id, t.token(Role.PROVIDER_MANAGER),
                Map.of("roles", List.of("PRACTITIONER"))).expect(200)));
    }

    private static List<String> roles(ApiResponse user) {
        List<String> roles = new java.util.ArrayList<>();
        user.json().path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    @Test
    void rolesMustSuitTheKindOfOrganisation() {
        ApiResponse refused = api.post("/api/v1/users", t.token(Role.TENANT_ADMIN),
                user("mismatch", t.commissioner, "PRACTITIONER"));
        assertEquals(400, refused.status());
        assertEquals(List.of("roles"), refused.problemFields());
        assertEquals(400, api.post("/api/v1/users", t.token(Role.TENANT_ADMIN),
                user("mismatch2", t.provider, "COMMISSIONER")).status());
        assertEquals(400, api.post("/api/v1/users", t.token(Role.TENANT_ADMIN),
                user("mismatch3", t.provider, "OPERATOR")).status());
    }

    @Test
    void aPersonCanBelongToATenantOnlyOnce() {
        ApiResponse again = api.post("/api/v1/users", t.token(Role.TENANT_ADMIN),
                user("volunteer", t.provider, "VOLUNTEER"));
        assertEquals(409, again.status());
        assertTrue(again.isProblem());
    }

    private Map<String, Object> user(String name, String organisation, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", name + "@" + t.slug + ".test");
        body.put("displayName", name);
        body.put("password", PASSWORD);
        body.put("organisationId", organisation);
        body.put("roles", List.of(role));
        return body;
    }
}
