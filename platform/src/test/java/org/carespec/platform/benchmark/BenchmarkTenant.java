package org.carespec.platform.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;

/**
 * A benchmark's tenant, made through the API the first time and found again on later runs (the data is kept):
 * its administrator, its commissioner, and providers that each hold one contract and one user.
 */
final class BenchmarkTenant {

    final String slug;
    final boolean existed;
    final String admin;
    final String commissioner;
    final UUID id;
    private final Api api;

    private BenchmarkTenant(Api api, String slug, boolean existed, String admin, String commissioner, UUID id) {
        this.api = api;
        this.slug = slug;
        this.existed = existed;
        this.admin = admin;
        this.commissioner = commissioner;
        this.id = id;
    }

    /** A provider's user, its organisation and its contract. */
    record Provider(String token, UUID id, UUID contract) {
    }

    static BenchmarkTenant ensure(Api api, String slug, String name) throws SQLException {
        boolean exists;
        try (Connection c = TestDatabase.ownerConnection()) {
            exists = BenchmarkData.count(c, "select count(*) from tenant where slug = ?", slug) > 0;
        }
        if (!exists) {
            api.post("/api/v1/tenants", api.operatorToken(), Map.of("slug", slug, "name", name,
                    "hostOrganisation", Map.of("name", "Commissioner " + slug),
                    "administrator", Map.of("email", "admin@" + slug + ".test", "displayName", "Admin",
                            "password", IntegrationTest.PASSWORD))).expect(201);
        }
        String admin = api.login("admin@" + slug + ".test", IntegrationTest.PASSWORD, slug);
        String commissioner = api.get("/api/v1/organisations?size=200", admin).text("/items/0/id");
        try (Connection c = TestDatabase.ownerConnection()) {
            return new BenchmarkTenant(api, slug, exists, admin, commissioner, idOf(c, slug));
        }
    }

    static UUID idOf(Connection c, String slug) throws SQLException {
        try (var s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The i-th provider: made with its user ({@code <user><i>@<slug>.test}, one role) and a contract of the module
     * when the tenant is new.
     */
    Provider provider(int i, String user, String role, String moduleId, LocalDate start) {
        String email = user + i + "@" + slug + ".test";
        if (!existed) {
            String provider = api.post("/api/v1/organisations", admin, Map.of("name", "Provider " + i + " " + slug,
                    "kind", "PROVIDER")).expect(201).id();
            api.post("/api/v1/users", admin, Map.of("email", email, "displayName", role + " " + i,
                    "password", IntegrationTest.PASSWORD, "organisationId", provider, "roles", List.of(role)))
                    .expect(201);
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("moduleId", moduleId);
            contract.put("reference", "BENCH/" + i);
            contract.put("title", "Benchmark contract " + i);
            contract.put("commissionerId", commissioner);
            contract.put("providerId", provider);
            contract.put("startDate", start.toString());
            contract.put("endDate", LocalDate.now().plusYears(2).toString());
            contract.put("annualValuePence", 14_044_772);
            contract.put("basis", "BLOCK");
            api.post("/api/v1/contracts", admin, contract).expect(201);
        }
        String token = api.login(email, IntegrationTest.PASSWORD, slug);
        ApiResponse listed = api.get("/api/v1/contracts", token).expect(200);
        return new Provider(token, UUID.fromString(listed.text("/items/0/providerId")),
                UUID.fromString(listed.text("/items/0/id")));
    }

    static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
