package org.carespec.platform.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.Test;

@MicronautTest
class SmokeTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void boots() {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        String contract = t.contract("fixture", Map.of());
        System.out.println(api.get("/api/v1/contracts/" + contract, t.token(Role.TENANT_ADMIN)).body());
        System.out.println(api.get("/api/v1/modules", t.token(Role.PRACTITIONER)).body());
        System.out.println(api.get("/api/v1/audit/verify", t.token(Role.TENANT_ADMIN)).body());
        System.out.println(api.get("/api/v1/audit/events?size=5", t.token(Role.TENANT_ADMIN)).body());
        assertEquals(200, api.get("/api/v1/contracts/" + contract, t.token(Role.TENANT_ADMIN)).status());
    }
}
