package org.carespec.platform.security;

import static org.carespec.platform.test.IntegrationTest.PASSWORD;

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
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;

/**
 * Every operation of the API as a row with real ids and a valid body, in one tenant built through the API for the
 * purpose: who may call it ({@link Endpoint#allowed()}), and how to call it. The role matrix calls each row as every
 * role of that tenant; the isolation matrix calls it as people of another tenant, of another provider and without a
 * token. A row whose path is given as a supplier makes its resource afresh for each call (an event needs its own
 * referral).
 */
final class ApiOperations {

    final Api api;
    final TestTenant t;
    final String contract;
    final CaseFile file;
    final String declined;
    /** A token of an account holding TENANT_ADMIN alone. */
    final String administratorOnly;

    /** An endpoint; a path given as a supplier is made afresh for each call (an event needs its own referral). */
    record Endpoint(String method, Supplier<String> paths, Supplier<Object> body, Set<Role> allowed) {
        Endpoint(String method, String path, Supplier<Object> body, Set<Role> allowed) {
            this(method, () -> path, body, allowed);
        }

        @Override
        public String toString() {
            return method + " " + paths.get().replaceAll("[0-9a-f-]{36}", "{id}");
        }
    }

    ApiOperations(Api api) {
        this.api = api;
        t = TestTenant.create(api);
        file = CaseFile.record(api, t);
        contract = file.contract;
        // The tenant's first administrator is also a commissioner (the host organisation commissions); the matrix
        // needs an account holding TENANT_ADMIN alone, or the commissioner's rights would pass for the administrator's.
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("email", "admin-only@" + t.slug + ".test");
        admin.put("displayName", "Administrator only");
        admin.put("password", PASSWORD);
        admin.put("organisationId", t.commissioner);
        admin.put("roles", List.of("TENANT_ADMIN"));
        api.post("/api/v1/users", t.token(Role.TENANT_ADMIN), admin).expect(201);
        this.administratorOnly = api.login("admin-only@" + t.slug + ".test", PASSWORD, t.slug);
        declined = referral();
        api.post("/api/v1/referrals/" + declined + "/events", t.token(Role.PRACTITIONER), Map.of("type", "DECLINED",
                "occurredAt", "2026-05-12T09:00:00", "reason", "NOT_ELIGIBLE", "note", "Not eligible")).expect(201);
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
                        () -> Map.of("name", "Org " + fresh(), "kind", "PROVIDER"), admin),
                new Endpoint("GET", "/api/v1/organisations", null, organisationReaders),
                new Endpoint("GET", "/api/v1/organisations/" + t.provider, null, organisationReaders),
                new Endpoint("POST", "/api/v1/users", this::newPractitioner, userManagers),
                new Endpoint("GET", "/api/v1/users", null, userManagers),
                new Endpoint("GET", "/api/v1/users/" + aUser, null, userManagers),
                new Endpoint("PATCH", "/api/v1/users/" + aUser, () -> Map.of("displayName", "Pat Practitioner"),
                        userManagers),
                new Endpoint("POST", "/api/v1/users/" + aUser + "/revoke-sessions", null, userManagers),
                new Endpoint("POST", "/api/v1/contracts", this::newContract, admin),
                new Endpoint("PATCH", "/api/v1/contracts/" + contract, () -> Map.of("title", "Renamed"), admin),
                new Endpoint("GET", "/api/v1/contracts", null, tenantPeople),
                new Endpoint("GET", "/api/v1/contracts/" + contract, null, tenantPeople),
                new Endpoint("GET", "/api/v1/modules", null, everyone),
                new Endpoint("GET", "/api/v1/modules/fixture", null, everyone),
                new Endpoint("GET", "/api/v1/audit/verify", null, admin),
                new Endpoint("GET", "/api/v1/audit/events", null, userManagers),
                new Endpoint("GET", "/api/v1/me", null, everyone),
                new Endpoint("POST", "/api/v1/auth/logout", () -> Map.of("refreshToken", "not-a-token-anyone-holds"),
                        everyone));
    }

    /** The case-management API: provider staff; volunteers for groups, names and raising a concern only. */
    List<Endpoint> caseworkEndpoints() {
        Set<Role> staff = EnumSet.of(Role.PROVIDER_MANAGER, Role.PRACTITIONER);
        Set<Role> everyoneOfTheContract = EnumSet.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER,
                Role.PRACTITIONER, Role.VOLUNTEER);
        Set<Role> commissionerAndAdmin = EnumSet.of(Role.TENANT_ADMIN, Role.COMMISSIONER);
        Set<Role> staffAndVolunteers = EnumSet.of(Role.PROVIDER_MANAGER, Role.PRACTITIONER, Role.VOLUNTEER);
        Set<Role> manager = EnumSet.of(Role.PROVIDER_MANAGER);
        return List.of(
                new Endpoint("POST", "/api/v1/persons", () -> Map.of("givenName", "Matrix", "familyName", "Person"),
                        staff),
                new Endpoint("GET", "/api/v1/persons", null, staffAndVolunteers),
                new Endpoint("GET", "/api/v1/persons/" + file.carer, null, staff),
                new Endpoint("PATCH", "/api/v1/persons/" + file.carer, () -> Map.of("phone", "01484 111111"), staff),
                new Endpoint("POST", () -> "/api/v1/persons/" + person() + "/relationships",
                        () -> Map.of("relatedPersonId", file.carer, "kind", "NEXT_OF_KIN"), staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/referrals", () -> Map.of(
                        "personId", file.carer, "receivedAt", "2026-05-11T09:30:00", "source", "GP"), staff),
                new Endpoint("GET", "/api/v1/referrals", null, staff),
                new Endpoint("GET", "/api/v1/referrals/" + file.referral, null, staff),
                new Endpoint("POST", () -> "/api/v1/referrals/" + referral() + "/events",
                        () -> Map.of("type", "CONTACTED", "occurredAt", "2026-05-12T09:00:00"), staff),
                new Endpoint("POST", "/api/v1/referrals/" + file.referral + "/service-level",
                        () -> Map.of("level", "BASIC", "hoursPerWeek", 3), staff),
                new Endpoint("GET", "/api/v1/referrals/" + declined + "/decline-letter", null, staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/activities", () -> Map.of(
                        "personId", file.carer, "type", "PHONE", "occurredOn", "2026-06-01"), staff),
                new Endpoint("GET", "/api/v1/activities", null, staff),
                new Endpoint("GET", "/api/v1/activities/" + file.activity, null, staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/group-sessions", () -> Map.of(
                        "type", "WORKSHOP", "heldOn", "2026-06-01"), staffAndVolunteers),
                new Endpoint("GET", "/api/v1/group-sessions", null, staffAndVolunteers),
                new Endpoint("GET", "/api/v1/group-sessions/" + file.groupSession, null, staffAndVolunteers),
                new Endpoint("PUT", "/api/v1/group-sessions/" + file.groupSession + "/attendance", () -> Map.of(
                        "personIds", List.of(file.carer)), staffAndVolunteers),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/forms/assessment", () -> Map.of(
                        "personId", file.carer, "data", Map.of("complete", false)), staff),
                new Endpoint("GET", "/api/v1/form-submissions/" + file.formSubmission, null, staff),
                new Endpoint("GET", "/api/v1/persons/" + file.carer + "/form-submissions", null, staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/records/assessment", () -> Map.of(
                        "personId", file.carer, "data", Map.of("complete", false)), staff),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/records/assessment", null, staff),
                new Endpoint("GET", "/api/v1/records/" + file.formSubmission, null, staff),
                new Endpoint("PUT", "/api/v1/records/" + file.formSubmission, () -> Map.of("revision",
                        record(file.formSubmission).path("revision").asInt(), "data", Map.of("complete", true)), staff),
                new Endpoint("POST", () -> "/api/v1/records/" + followUp() + "/moves", () -> Map.of("status",
                        "OPEN".equals(record(followUp()).path("status").asText()) ? "DONE" : "OPEN"), staff),
                new Endpoint("GET", "/api/v1/persons/" + file.carer + "/records", null, staff),
                new Endpoint("PUT", () -> "/api/v1/referrals/" + referral() + "/data", () -> Map.of("data", Map.of(),
                        "reason", "Confirmed at first contact"), staff),
                new Endpoint("GET", () -> "/api/v1/referrals/" + referral() + "/assessments", null, staff),
                new Endpoint("POST", () -> "/api/v1/referrals/" + cdwReferral() + "/module-events", () -> Map.of(
                        "code", "RESPONDED"), staff),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/code-lists/referral-source", null,
                        everyoneOfTheContract),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/code-lists/referral-source/codes",
                        () -> Map.of("code", "LOCAL_" + java.util.UUID.randomUUID().toString().substring(0, 8),
                                "label", "A local source"), commissionerAndAdmin),
                new Endpoint("POST", () -> "/api/v1/referrals/" + acceptedReferral() + "/plans", () -> Map.of(
                        "agreedOn", "2026-05-20", "goals", List.of(Map.of("title", "Sleep better"))), staff),
                new Endpoint("GET", "/api/v1/plans/" + file.plan, null, staff),
                new Endpoint("POST", "/api/v1/plans/" + file.plan + "/reviews", () -> Map.of(
                        "reviewedOn", "2026-06-15", "goals", List.of(Map.of("goalId", api.get("/api/v1/plans/"
                                + file.plan, t.token(Role.PRACTITIONER)).text("/goals/0/id"),
                                "progress", "SOME_PROGRESS"))), staff),
                new Endpoint("POST", "/api/v1/persons/" + file.carer + "/outcome-readings", () -> Map.of(
                        "contractId", contract, "instrument", "star", "takenOn", "2026-06-01",
                        "scores", Map.of("wellbeing", 5, "confidence", 5)), staff),
                new Endpoint("GET", "/api/v1/persons/" + file.carer + "/outcomes?instrument=star", null, staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/feedback", () -> Map.of(
                        "kind", "COMPLIMENT", "receivedOn", "2026-06-01", "summary", "Thank you",
                        "shareInReturn", true), staff),
                new Endpoint("GET", "/api/v1/feedback", null, staff),
                new Endpoint("GET", "/api/v1/feedback/" + file.feedback, null, staff),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/safeguarding-concerns", () -> Map.of(
                        "aboutPersonId", file.carer, "raisedOn", "2026-06-01", "category", "EMOTIONAL",
                        "details", "Seemed frightened", "referredToLocalAuthority", false), staffAndVolunteers),
                new Endpoint("GET", "/api/v1/safeguarding-concerns", null, manager),
                new Endpoint("GET", "/api/v1/safeguarding-concerns/" + file.concern, null, manager),
                new Endpoint("PATCH", "/api/v1/safeguarding-concerns/" + file.concern,
                        () -> Map.of("actionTaken", "Checked in"), manager),
                new Endpoint("POST", "/api/v1/workers", () -> Map.of("name", "Sam Staff", "kind", "STAFF"), manager),
                new Endpoint("GET", "/api/v1/workers", null, staff),
                new Endpoint("GET", "/api/v1/workers/" + file.worker, null, staff),
                new Endpoint("POST", "/api/v1/workers/" + file.worker + "/training", () -> Map.of(
                        "trainingCode", "first-aid", "completedOn", "2026-02-01"), manager),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/returns/2026-27-Q1", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/returns/2026-27-Q2/narratives",
                        () -> Map.of("code", "FX2", "text", "Unmet needs this quarter"),
                        EnumSet.of(Role.PROVIDER_MANAGER)),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/returns/2026-27-Q2/adjustments",
                        () -> Map.of("code", "FX1", "value", 7, "justification", "Counted by hand"),
                        EnumSet.of(Role.PROVIDER_MANAGER)),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/returns/2026-27-Q1/export?format=csv", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("GET", "/api/v1/returns?period=2026-27-Q1", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/kpis/FX1/series?from=2026-27-Q1&to=2026-27-Q2",
                        null, EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("GET", "/api/v1/modules/fixture/kpis/FX1/comparison?period=2026-27-Q1", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/obligations", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("POST", "/api/v1/contracts/" + contract + "/obligations/mindful-employer/once/done",
                        () -> Map.of("doneOn", "2026-09-01"), EnumSet.of(Role.PROVIDER_MANAGER)),
                new Endpoint("GET", "/api/v1/contracts/" + contract + "/obligations/annual-report/2026/evidence", null,
                        EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("GET", "/api/v1/tenant-settings", null, EnumSet.of(Role.COMMISSIONER, Role.TENANT_ADMIN)),
                new Endpoint("PATCH", "/api/v1/tenant-settings", () -> Map.of("suppressionThreshold", 5),
                        EnumSet.of(Role.TENANT_ADMIN)),
                new Endpoint("POST", "/api/v1/workers/" + file.worker + "/dbs-checks", () -> Map.of(
                        "level", "BASIC", "certificateNumber", "000000000001", "issuedOn", "2026-01-01",
                        "updateService", false, "recheckOn", "2029-01-01"), manager));
    }

    /** A quarter's return from submission to decision, evidence on duties, and the deadline watch's alerts. */
    List<Endpoint> returnsAndDutiesEndpoints() {
        Set<Role> contractPeople = EnumSet.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN);
        Set<Role> manager = EnumSet.of(Role.PROVIDER_MANAGER);
        Set<Role> commissioner = EnumSet.of(Role.COMMISSIONER);
        String duty = "/api/v1/contracts/" + contract + "/obligations/annual-report/2026/evidence";
        return List.of(
                new Endpoint("POST", () -> quarter(contractWithWork(), false) + "/submit", null, manager),
                new Endpoint("POST", () -> quarter(contractWithWork(), true) + "/approve", null, commissioner),
                new Endpoint("POST", () -> quarter(contractWithWork(), true) + "/send-back",
                        () -> Map.of("comment", "Please explain FX1."), commissioner),
                new Endpoint("POST", duty + "?filename=report.pdf", () -> PDF, manager),
                new Endpoint("GET", () -> duty + "/" + evidence(duty), null, contractPeople),
                new Endpoint("DELETE", () -> duty + "/" + evidence(duty), null, manager),
                new Endpoint("GET", "/api/v1/alerts", null, contractPeople));
    }

    /** A PDF small enough for any test: the evidence endpoints check the bytes against the declared type. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A fresh fixture contract with one referral in the first quarter of 2026-27, so its return has a figure. */
    private String contractWithWork() {
        String fresh = t.contract("fixture", Map.of());
        api.post("/api/v1/contracts/" + fresh + "/referrals", t.token(Role.PRACTITIONER), Map.of(
                "personId", file.carer, "receivedAt", "2026-05-11T09:30:00", "source", "GP")).expect(201);
        return fresh;
    }

    /** The path of the contract's 2026-27 Q1 return, submitted by the provider's manager when asked. */
    private String quarter(String contractId, boolean submitted) {
        String path = "/api/v1/contracts/" + contractId + "/returns/2026-27-Q1";
        if (submitted) {
            api.post(path + "/submit", t.token(Role.PROVIDER_MANAGER), null).expect(200);
        }
        return path;
    }

    private String evidence(String duty) {
        return api.upload(duty + "?filename=minutes.pdf", t.token(Role.PROVIDER_MANAGER), PDF, "application/pdf",
                false).expect(201).id();
    }

    private String person() {
        return api.post("/api/v1/persons", t.token(Role.PRACTITIONER), Map.of("givenName", "Extra",
                "familyName", "Person")).expect(201).id();
    }

    private String referral() {
        return api.post("/api/v1/contracts/" + contract + "/referrals", t.token(Role.PRACTITIONER), Map.of(
                "personId", file.carer, "receivedAt", "2026-05-11T09:30:00", "source", "GP")).expect(201).id();
    }

    private String cdwContract;

    /** A referral under the 001-shaped test module, which declares a referral event of its own. */
    private String cdwReferral() {
        if (cdwContract == null) {
            cdwContract = t.contract("cdw-shape", Map.of());
        }
        return api.post("/api/v1/contracts/" + cdwContract + "/referrals", t.token(Role.PRACTITIONER), Map.of(
                "personId", file.carer, "receivedAt", "2026-05-11T09:30:00", "source", "DRE",
                "data", Map.of("urgency", "ROUTINE"))).expect(201).id();
    }

    private String followUp;

    /** A record with a lifecycle, made once; each allowed move flips it between OPEN and DONE. */
    private String followUp() {
        if (followUp == null) {
            followUp = api.post("/api/v1/contracts/" + contract + "/records/follow-up", t.token(Role.PRACTITIONER),
                    Map.of("data", Map.of())).expect(201).id();
        }
        return followUp;
    }

    private com.fasterxml.jackson.databind.JsonNode record(String id) {
        return api.get("/api/v1/records/" + id, t.token(Role.PRACTITIONER)).expect(200).json();
    }

    private String acceptedReferral() {
        String id = referral();
        for (String type : List.of("CONTACTED", "ASSESSED", "ACCEPTED")) {
            api.post("/api/v1/referrals/" + id + "/events", t.token(Role.PRACTITIONER), Map.of("type", type,
                    "occurredAt", "2026-05-12T09:00:00")).expect(201);
        }
        return id;
    }

    /** Operations outside the matrix, each with its reason: anyone may call them, with or without a token. */
    static final Map<String, String> PUBLIC_OPERATIONS = Map.of(
            "POST /login", "signing in is how a token is had",
            "POST /oauth/access_token", "a refresh token is the credential (LoginTest)");

    /** Every row: the platform's own endpoints, case work, and returns and duties. */
    List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(endpoints());
        all.addAll(caseworkEndpoints());
        all.addAll(returnsAndDutiesEndpoints());
        return all;
    }

    ApiResponse call(Endpoint endpoint, String token) {
        return send(endpoint.method(), endpoint.paths().get(), endpoint.body() == null ? null : endpoint.body().get(),
                token);
    }

    /** Sends a request as a row would: a body of bytes is a PDF upload, anything else JSON. */
    ApiResponse send(String method, String path, Object body, String token) {
        if (body instanceof byte[] file) {
            return api.upload(path, token, file, "application/pdf", false);
        }
        return api.send(method, path, token, body, Map.of());
    }

    /** A fresh name part; not shaped like an id, so that the isolation matrix never takes a name for one. */
    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Object newTenant() {
        String slug = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return Map.of("slug", slug, "name", "Matrix " + slug, "hostOrganisation", Map.of("name", "Host " + slug),
                "administrator", Map.of("email", "admin@" + slug + ".test", "displayName", "Admin",
                        "password", PASSWORD));
    }

    private Object newPractitioner() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "p" + fresh() + "@" + t.slug + ".test");
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

    /** Every operation the OpenAPI document lists, as {@code METHOD /path/{param}}. */
    static List<String> documentOperations(Api api) {
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(api.get(Api.DOCUMENT, null)
                .expect(200).body());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /** Whether a concrete request line ({@code METHOD /path}) stands for a documented operation. */
    static boolean stands(String request, String operation) {
        return request.matches(operation.replaceAll("\\{[^}]+}", "[^/]+"));
    }
}
