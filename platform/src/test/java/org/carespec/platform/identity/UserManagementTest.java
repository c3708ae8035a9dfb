package org.carespec.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        assertTrue(added.json().path("invited").asBoolean(), "until the person first signs in");
        assertEquals("/api/v1/users/" + added.id(), added.headers().get("location"));
        String token = api.login("new.practitioner@" + t.slug + ".test", PASSWORD, null);
        assertEquals(t.provider, api.get("/api/v1/me", token).text("/organisationId"));
        assertFalse(api.get("/api/v1/users/" + added.id(), t.token(Role.PROVIDER_MANAGER)).json().path("invited")
                .asBoolean());
    }

    /**
     * Issue 17, finding 2: whether an address has an account in another tenant is not this tenant's to learn, and a
     * person's name in another tenant is not this tenant's to change. Adding a known and an unknown address answers
     * the same; renaming the person here leaves the other tenant's name alone; the other tenant's invitation gives it
     * nothing until the person signs in to it.
     */
    @Test
    void addingAnAddressTellsNothingAboutOtherTenantsAndRenamingStaysInTheTenant() {
        TestTenant other = TestTenant.create(api);
        String known = t.email(Role.PRACTITIONER); // has an account, in this tenant only
        String unknown = "nobody-yet-" + other.slug + "@example.org";
        String manager = other.token(Role.PROVIDER_MANAGER);
        ApiResponse forKnown = api.post("/api/v1/users", manager, Map.of("email", known, "displayName", "A Person",
                "password", PASSWORD, "organisationId", other.provider, "roles", List.of("PRACTITIONER")));
        ApiResponse forUnknown = api.post("/api/v1/users", manager, Map.of("email", unknown, "displayName",
                "A Person", "password", PASSWORD, "organisationId", other.provider, "roles", List.of("PRACTITIONER")));
        assertEquals(201, forKnown.status(), forKnown.body());
        assertEquals(201, forUnknown.status(), forUnknown.body());
        for (String field : List.of("displayName", "organisationId", "roles", "safeguardingLead", "locked",
                "invited")) {
            assertEquals(forUnknown.json().path(field), forKnown.json().path(field), field);
        }
        assertEquals(forUnknown.json().size(), forKnown.json().size(), "the same fields");
        ApiResponse noPassword = api.post("/api/v1/users", manager, Map.of("email", "x" + known, "displayName", "B",
                "organisationId", other.provider, "roles", List.of("PRACTITIONER")));
        assertEquals(List.of("password"), noPassword.problemFields(), "a password is asked for either way");

        String id = forKnown.id();
        api.patch("/api/v1/users/" + id, manager, Map.of("displayName", "Renamed Elsewhere")).expect(200);
        assertEquals("Renamed Elsewhere", api.get("/api/v1/users/" + id, manager).text("/displayName"));
        String ourName = api.get("/api/v1/users/" + id, t.token(Role.TENANT_ADMIN)).text("/displayName");
        assertNotEquals("Renamed Elsewhere", ourName, "another tenant's rename is not seen here");
        assertNotEquals("A Person", ourName);

        // invited, not joined: the person's sign-in still goes to their own tenant, and cannot land in the other
        String token = api.login(known, PASSWORD, null);
        assertEquals(t.id, api.get("/api/v1/me", token).text("/tenantId"));
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
