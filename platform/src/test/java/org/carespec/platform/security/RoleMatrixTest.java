package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.security.ApiOperations.Endpoint;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
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

    ApiOperations ops;

    @BeforeAll
    void world() {
        ops = new ApiOperations(new Api(server));
    }

    @Test
    void eachRoleMayCallExactlyTheEndpointsThatNameIt() {
        List<String> wrong = new ArrayList<>();
        int allowedCalls = 0;
        for (Endpoint endpoint : ops.all()) {
            for (Role role : Role.values()) {
                String token = role == Role.TENANT_ADMIN ? ops.administratorOnly : ops.t.token(role);
                ApiResponse response = ops.call(endpoint, token);
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
    void everyOperationInTheOpenApiDocumentHasARowInTheMatrix() {
        List<String> operations = ApiOperations.documentOperations(ops.api);
        List<String> rows = ops.all().stream().map(e -> e.method() + " " + e.paths().get().replaceAll("\\?.*", ""))
                .toList();
        List<String> missing = operations.stream().filter(o -> !ApiOperations.PUBLIC_OPERATIONS.containsKey(o))
                .filter(o -> rows.stream().noneMatch(r -> ApiOperations.stands(r, o))).toList();
        assertTrue(operations.size() > 70, "the document lists the API: " + operations.size());
        assertEquals(List.of(), missing, "operations with no row in the role matrix");
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        for (Endpoint endpoint : ops.all()) {
            ApiResponse response = ops.call(endpoint, null);
            assertEquals(401, response.status(), endpoint.toString());
            assertTrue(response.isProblem(), endpoint.toString());
        }
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = ops.t.token(Role.TENANT_ADMIN);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertEquals(401, ops.api.get("/api/v1/organisations", forged).status());
    }
}
