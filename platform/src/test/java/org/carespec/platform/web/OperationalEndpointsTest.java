package org.carespec.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What an operator's monitoring and a developer's browser reach without signing in. */
@MicronautTest(transactional = false)
class OperationalEndpointsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        ApiResponse spec = new Api(server).get("/swagger/carespec-1.yml", null);
        assertEquals(200, spec.status());
        assertTrue(spec.body().startsWith("openapi: 3"));
        for (String path : new String[] {"/api/v1/tenants:", "/api/v1/organisations:", "/api/v1/users:",
                "/api/v1/contracts:", "/api/v1/modules:", "/api/v1/audit/verify:", "/login:"}) {
            assertTrue(spec.body().contains(path), path + " is missing from the OpenAPI document");
        }
        assertTrue(spec.body().contains("bearerFormat: JWT"));
    }

    @Test
    void swaggerUiIsServedFromTheJarWithoutACdn() {
        ApiResponse page = new Api(server).get("/swagger-ui/index.html", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("swagger-ui-bundle.js"));
        assertTrue(!page.body().contains("cdn.jsdelivr.net") && !page.body().contains("unpkg.com"));
        assertEquals(200, new Api(server).get("/swagger-ui/res/swagger-ui-bundle.js", null).status());
    }

    @Test
    void healthSaysUpWithoutDetails() {
        ApiResponse health = new Api(server).get("/health", null);
        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void prometheusMetricsAreExposedWithoutTenantData() {
        ApiResponse metrics = new Api(server).send("GET", "/prometheus", null, null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body().contains("hikaricp_connections"));
    }
}
