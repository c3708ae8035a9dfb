package org.carespec.platform.smoke;

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
    void edges() {
        Api api = new Api(server);
        TestTenant t = TestTenant.create(api);
        String admin = t.token(Role.TENANT_ADMIN);
        p("malformed", api.post("/api/v1/organisations", admin, "{\"name\": "));
        p("unknown field", api.post("/api/v1/organisations", admin, "{\"name\":\"x\",\"kind\":\"PROVIDER\",\"colour\":1}"));
        p("bad enum", api.post("/api/v1/organisations", admin, "{\"name\":\"x\",\"kind\":\"BANK\"}"));
        p("missing", api.post("/api/v1/organisations", admin, "{\"kind\":\"PROVIDER\"}"));
        p("bad date", api.post("/api/v1/contracts", admin, "{\"moduleId\":\"fixture\",\"startDate\":\"yesterday\"}"));
        p("wrong type", api.post("/api/v1/contracts", admin, "{\"annualValuePence\":\"lots\"}"));
        p("no body", api.post("/api/v1/organisations", admin, null));
        p("array body", api.post("/api/v1/organisations", admin, "[1,2]"));
        p("big", api.post("/api/v1/organisations", admin, "{\"name\":\"" + "x".repeat(2_000_000) + "\"}"));
        p("no route", api.get("/api/v1/nothing", admin));
        p("405", api.send("DELETE", "/api/v1/organisations", admin, null, Map.of()));
        p("401", api.get("/api/v1/organisations", null));
        p("403", api.get("/api/v1/tenants", admin));
        p("bad uuid", api.get("/api/v1/organisations/not-a-uuid", admin));
        p("bad page", api.get("/api/v1/organisations?size=500", admin));
        p("bad page type", api.get("/api/v1/organisations?size=abc", admin));
        p("bad token", api.get("/api/v1/organisations", "abc.def.ghi"));
        p("settings", api.post("/api/v1/contracts", admin, Map.of("moduleId", "fixture", "reference", "r", "title", "t",
                "commissionerId", t.commissioner, "providerId", t.provider, "startDate", "2026-04-01", "endDate",
                "2027-03-31", "annualValuePence", 1, "basis", "BLOCK", "settings", Map.of("ageBand", Map.of("min", "x"), "zzz", 1))));
        p("modules", api.get("/api/v1/modules", t.token(Role.PRACTITIONER)));
        p("openapi", api.get("/swagger/carespec-1.yml", null));
        p("health", api.get("/health", null));
        p("prom", api.get("/prometheus", null));
        p("swagger", api.get("/swagger-ui/index.html", null));
    }

    static void p(String what, org.carespec.platform.test.ApiResponse r) {
        String b = r.body() == null ? "" : r.body();
        System.out.println("EDGE " + what + " -> " + r.status() + " " + r.contentType() + " " + b.substring(0, Math.min(400, b.length())));
    }
}
