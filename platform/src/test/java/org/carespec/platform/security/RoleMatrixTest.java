package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every role: the roles it names may call it, every other role gets 403 problem+json, and
 * nobody gets in without a token. Allowed calls carry valid bodies, so "allowed" means the call succeeded.
 */
@MicronautTest(transactional = false)
class RoleMatrixTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String contract;

    record Endpoint(String method, String path, Supplier<Object> body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void world() {
        api = new Api(server);
        t = TestTenant.create(api);
        contract = t.contract("fixture", Map.of());
    }

    List<Endpoint> endpoints() {
        Set<Role> everyone = EnumSet.allOf(Role.class);
        Set<Role> tenantPeople = EnumSet.complementOf(EnumSet.of(Role.OPERATOR));
        Set<Role> admin = EnumSet.of(Role.TENANT_ADMIN);
        Set<Role> userManagers = EnumSet.of(Role.TENANT_ADMIN, Role.PROVIDER_MANAGER);
        Set<Role> organisationReaders = EnumSet.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER,
                Role.PRACTITIONER);
        String aUser = t.userIds.get(Role.PRACTITIONER);
        return List.of(
                new Endpoint("POST", "/api/v1/tenants", this::newTenant, EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/tenants", null, EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/tenants/" + t.id, null, EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/organisations",
                        () -> Map.of("name", "Org " + UUID.randomUUID(), "kind", "PROVIDER"), admin),
                new Endpoint("GET", "/api/v1/organisations", null, organisationReaders),
                new Endpoint("GET", "/api/v1/organisations/" + t.provider, null, organisationReaders),
                new Endpoint("POST", "/api/v1/users", this::newPractitioner, userManagers),
                new Endpoint("GET", "/api/v1/users", null, userManagers),
                new Endpoint("GET", "/api/v1/users/" + aUser, null, userManagers),
                new Endpoint("POST", "/api/v1/users/" + aUser + "/revoke-sessions", () -> "{}", userManagers),
                new Endpoint("POST", "/api/v1/contracts", this::newContract, admin),
                new Endpoint("PATCH", "/api/v1/contracts/" + contract, () -> Map.of("title", "Renamed"), admin),
                new Endpoint("GET", "/api/v1/contracts", null, tenantPeople),
                new Endpoint("GET", "/api/v1/contracts/" + contract, null, tenantPeople),
                new Endpoint("GET", "/api/v1/modules", null, everyone),
                new Endpoint("GET", "/api/v1/modules/fixture", null, everyone),
                new Endpoint("GET", "/api/v1/audit/verify", null, admin),
                new Endpoint("GET", "/api/v1/audit/events", null, admin),
                new Endpoint("GET", "/api/v1/me", null, everyone));
    }

    @Test
    void eachRoleMayCallExactlyTheEndpointsThatNameIt() {
        List<String> wrong = new ArrayList<>();
        int allowedCalls = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                ApiResponse response = call(endpoint, t.token(role));
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && response.status() >= 300) {
                    wrong.add(role + " should be allowed " + endpoint + " but got " + response.status() + " "
                            + response.body());
                } else if (!allowed && (response.status() != 403 || !response.isProblem())) {
                    wrong.add(role + " should get 403 problem for " + endpoint + " but got " + response.status());
                }
                if (allowed) {
                    allowedCalls++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(allowedCalls > 40);
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        for (Endpoint endpoint : endpoints()) {
            ApiResponse response = call(endpoint, null);
            assertEquals(401, response.status(), endpoint.toString());
            assertTrue(response.isProblem(), endpoint.toString());
        }
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = t.token(Role.TENANT_ADMIN);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertEquals(401, api.get("/api/v1/organisations", forged).status());
    }

    private ApiResponse call(Endpoint endpoint, String token) {
        Object body = endpoint.body() == null ? null : endpoint.body().get();
        return api.send(endpoint.method(), endpoint.path(), token, body, Map.of());
    }

    private Object newTenant() {
        String slug = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return Map.of("slug", slug, "name", "Matrix " + slug, "hostOrganisation", Map.of("name", "Host " + slug),
                "administrator", Map.of("email", "admin@" + slug + ".test", "displayName", "Admin",
                        "password", PASSWORD));
    }

    private Object newPractitioner() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "p" + UUID.randomUUID() + "@" + t.slug + ".test");
        body.put("displayName", "New practitioner");
        body.put("password", PASSWORD);
        body.put("organisationId", t.provider);
        body.put("roles", List.of("PRACTITIONER"));
        return body;
    }

    private Object newContract() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("moduleId", "fixture");
        body.put("reference", "R/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("title", "Matrix contract");
        body.put("commissionerId", t.commissioner);
        body.put("providerId", t.provider);
        body.put("startDate", "2026-04-01");
        body.put("endDate", "2027-03-31");
        body.put("annualValuePence", 100);
        body.put("basis", "BLOCK");
        return body;
    }
}
