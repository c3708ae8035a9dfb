package org.carespec.platform.test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * A tenant built through the API for one test: a commissioner, two providers, and a signed-in user for every role
 * (the provider roles at the first provider, plus a second provider manager and practitioner at the other).
 */
public final class TestTenant {

    public final String slug;
    public final String id;
    public final String commissioner;
    public final String provider;
    public final String otherProvider;
    public final Map<Role, String> tokens = new EnumMap<>(Role.class);
    public final Map<Role, String> userIds = new EnumMap<>(Role.class);
    public final String otherProviderManager;
    public final String otherProviderPractitioner;
    private final Api api;

    private TestTenant(Api api, String slug, String id, String commissioner, String provider, String otherProvider,
                       String otherManager, String otherPractitioner) {
        this.api = api;
        this.slug = slug;
        this.id = id;
        this.commissioner = commissioner;
        this.provider = provider;
        this.otherProvider = otherProvider;
        this.otherProviderManager = otherManager;
        this.otherProviderPractitioner = otherPractitioner;
    }

    public static TestTenant create(Api api) {
        return create(api, null);
    }

    /** A tenant in the given UK nation ({@code SCOTLAND}, …), whose public holidays make its working days. */
    public static TestTenant create(Api api, String nation) {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String operator = api.operatorToken();
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("slug", slug);
        tenant.put("name", "Test tenant " + slug);
        if (nation != null) {
            tenant.put("nation", nation);
        }
        tenant.put("hostOrganisation", Map.of("name", "Commissioning partnership " + slug));
        tenant.put("administrator", Map.of("email", "admin@" + slug + ".test", "displayName", "Admin",
                "password", IntegrationTest.PASSWORD));
        String id = api.post("/api/v1/tenants", operator, tenant).expect(201).id();
        String admin = api.login("admin@" + slug + ".test", IntegrationTest.PASSWORD, slug);
        String commissioner = api.get("/api/v1/organisations", admin).expect(200).text("/items/0/id");
        String provider = organisation(api, admin, "Provider one " + slug);
        String otherProvider = organisation(api, admin, "Provider two " + slug);
        String otherManager = user(api, admin, slug, "manager2", otherProvider, Role.PROVIDER_MANAGER);
        String otherPractitioner = user(api, admin, slug, "practitioner2", otherProvider, Role.PRACTITIONER);
        TestTenant t = new TestTenant(api, slug, id, commissioner, provider, otherProvider,
                api.login("manager2@" + slug + ".test", IntegrationTest.PASSWORD, slug),
                api.login("practitioner2@" + slug + ".test", IntegrationTest.PASSWORD, slug));
        t.tokens.put(Role.TENANT_ADMIN, admin);
        t.tokens.put(Role.OPERATOR, operator);
        t.userIds.put(Role.TENANT_ADMIN, api.get("/api/v1/me", admin).text("/userId"));
        for (Role role : List.of(Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER, Role.VOLUNTEER)) {
            String organisation = role == Role.COMMISSIONER ? commissioner : provider;
            String name = role.name().toLowerCase();
            t.userIds.put(role, user(api, admin, slug, name, organisation, role));
            t.tokens.put(role, api.login(name + "@" + slug + ".test", IntegrationTest.PASSWORD, slug));
        }
        return t;
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    /** The e-mail address of this tenant's user holding the role. */
    public String email(Role role) {
        return (role == Role.TENANT_ADMIN ? "admin" : role.name().toLowerCase()) + "@" + slug + ".test";
    }

    /** Creates a contract for the given module between the commissioner and the first provider. */
    public String contract(String moduleId, Map<String, Object> settings) {
        return contract(moduleId, provider, settings);
    }

    public String contract(String moduleId, String providerId, Map<String, Object> settings) {
        return contract(moduleId, providerId, settings, "2026-04-01");
    }

    /** A contract for one part of a specification a module implements in parts, with the first provider. */
    public String contractForPart(String moduleId, String part) {
        return api.post("/api/v1/contracts", token(Role.TENANT_ADMIN), contractBody(moduleId, provider, Map.of(),
                "2026-04-01", part)).expect(201).id();
    }

    /** A contract that starts on the given day and runs to 31 March 2029. */
    public String contract(String moduleId, String providerId, Map<String, Object> settings, String startDate) {
        return api.post("/api/v1/contracts", token(Role.TENANT_ADMIN), contractBody(moduleId, providerId, settings,
                startDate, null)).expect(201).id();
    }

    /** The body of a new contract, as the tests make them. */
    public Map<String, Object> contractBody(String moduleId, String providerId, Map<String, Object> settings,
                                            String startDate, String part) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("moduleId", moduleId);
        body.put("reference", "SPEC/" + slug);
        body.put("title", "Test contract");
        body.put("commissionerId", commissioner);
        body.put("providerId", providerId);
        body.put("startDate", startDate);
        body.put("endDate", "2029-03-31");
        body.put("annualValuePence", 14_044_772L);
        body.put("basis", "BLOCK");
        body.put("outcomeDomains", Set.of(2, 4));
        body.put("settings", settings);
        if (part != null) {
            body.put("specificationPart", part);
        }
        return body;
    }

    static String organisation(Api api, String admin, String name) {
        return api.post("/api/v1/organisations", admin, Map.of("name", name, "kind", "PROVIDER")).expect(201).id();
    }

    static String user(Api api, String admin, String slug, String name, String organisation, Role role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", name + "@" + slug + ".test");
        body.put("displayName", name);
        body.put("password", IntegrationTest.PASSWORD);
        body.put("organisationId", organisation);
        body.put("roles", List.of(role.name()));
        return api.post("/api/v1/users", admin, body).expect(201).id();
    }
}
