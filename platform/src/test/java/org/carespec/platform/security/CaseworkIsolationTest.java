package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider's caseload is seen by that provider's staff only: every read and write of the case-management API is
 * tried by another tenant, by another provider of the same tenant, and by the tenant's commissioner and administrator,
 * and none of them gets a record, a list entry or a change through.
 */
@MicronautTest(transactional = false)
class CaseworkIsolationTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant a;
    TestTenant b;
    CaseFile file;
    String contractOfB;
    String contractOfOtherProvider;
    Map<String, String> outsiders;

    @BeforeAll
    void aCaseFileAndItsNeighbours() {
        api = new Api(server);
        a = TestTenant.create(api);
        b = TestTenant.create(api);
        file = CaseFile.record(api, a);
        contractOfB = b.contract("fixture", Map.of());
        contractOfOtherProvider = a.contract("fixture", a.otherProvider, Map.of());
        outsiders = new LinkedHashMap<>();
        for (Role role : List.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER,
                Role.VOLUNTEER)) {
            outsiders.put("tenant B " + role, b.token(role));
        }
        outsiders.put("other provider's manager", a.otherProviderManager);
        outsiders.put("other provider's practitioner", a.otherProviderPractitioner);
        outsiders.put("the tenant's commissioner", a.token(Role.COMMISSIONER));
        outsiders.put("the tenant's administrator", a.token(Role.TENANT_ADMIN));
        outsiders.put("the operator", a.token(Role.OPERATOR));
    }

    /**
     * Issue 17, finding 5: an id in a body is checked as an id in a path is. An outcome reading names the referral it
     * belongs to; another person's referral, another provider's, another tenant's and one that does not exist are
     * each a 400 naming {@code referralId} (the same answer for all four, so it tells nothing), and nothing is stored.
     */
    @Test
    void anOutcomeReadingOnlyNamesTheSamePersonsReferralUnderItsContract() {
        String practitioner = a.token(Role.PRACTITIONER);
        String path = "/api/v1/persons/" + file.carer + "/outcome-readings";
        String readings = "/api/v1/persons/" + file.carer + "/outcomes?instrument=star";
        int before = api.get(readings, practitioner).expect(200).json().path("readings").size();

        String othersReferral = api.post("/api/v1/contracts/" + file.contract + "/referrals", practitioner, Map.of(
                "personId", file.caredFor, "receivedAt", "2026-05-11T09:30:00", "source", "GP",
                "data", Map.of("reason", "Own needs"))).expect(201).id();
        org.carespec.platform.test.Casework otherProvider = new org.carespec.platform.test.Casework(api, a,
                contractOfOtherProvider, a.otherProviderPractitioner);
        String otherProvidersReferral = otherProvider.refer(otherProvider.person("Olwen", "Other", "1960-01-01", null),
                "2026-05-11T09:30:00", "GP", null, null).expect(201).id();
        org.carespec.platform.test.Casework tenantB = new org.carespec.platform.test.Casework(api, b, contractOfB,
                b.token(Role.PRACTITIONER));
        String otherTenantsReferral = tenantB.refer(tenantB.person("Bryn", "Bee", "1960-01-01", null),
                "2026-05-11T09:30:00", "GP", null, null).expect(201).id();

        for (String referral : List.of(othersReferral, otherProvidersReferral, otherTenantsReferral,
                java.util.UUID.randomUUID().toString())) {
            ApiResponse response = api.post(path, practitioner, Map.of("contractId", file.contract,
                    "instrument", "star", "takenOn", "2026-06-20", "referralId", referral,
                    "scores", Map.of("wellbeing", 5, "confidence", 5)));
            assertEquals(400, response.status(), referral + ": " + response.body());
            assertEquals(List.of("referralId"), response.problemFields());
        }
        assertEquals(before, api.get(readings, practitioner).json().path("readings").size(), "nothing stored");

        // the person's own referral is accepted (the cared-for person's, so the carer's readings stay as they were)
        api.post("/api/v1/persons/" + file.caredFor + "/outcome-readings", practitioner, Map.of("contractId",
                file.contract, "instrument", "star", "takenOn", "2026-06-20", "referralId", othersReferral,
                "scores", Map.of("wellbeing", 5, "confidence", 5))).expect(201);
    }

    @Test
    void noOutsiderCanReadAnyRecordOfTheCaseFile() {
        List<String> leaks = new ArrayList<>();
        for (var outsider : outsiders.entrySet()) {
            for (String path : file.recordPaths()) {
                ApiResponse r = api.get(path, outsider.getValue());
                if ((r.status() != 404 && r.status() != 403) || !r.isProblem()
                        || r.body().contains(CaseFile.SECRET) || r.body().contains("Carys")) {
                    leaks.add(outsider.getKey() + " GET " + path + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), leaks);
        // The case file itself is readable by its own provider, so the paths above are real.
        for (String path : file.recordPaths()) {
            if (!path.endsWith("/decline-letter")) {
                assertEquals(200, api.get(path, a.token(Role.PROVIDER_MANAGER)).status(), path);
            }
        }
    }

    @Test
    void noOutsidersListShowsAnyRecordOfTheCaseFile() {
        List<String> leaks = new ArrayList<>();
        for (var outsider : outsiders.entrySet()) {
            for (String path : CaseFile.listPaths()) {
                ApiResponse r = api.get(path, outsider.getValue());
                for (String id : file.ids()) {
                    if (r.body().contains(id)) {
                        leaks.add(outsider.getKey() + " GET " + path + " shows " + id);
                    }
                }
                if (r.status() != 200 && r.status() != 403) {
                    leaks.add(outsider.getKey() + " GET " + path + " -> " + r.status());
                }
            }
        }
        assertEquals(List.of(), leaks);
        String own = api.get("/api/v1/referrals", a.token(Role.PRACTITIONER)).expect(200).body();
        assertTrue(own.contains(file.referral), "the provider's own list shows its referral");
    }

    @Test
    void noOutsiderCanChangeOrAddToTheCaseFile() {
        String statusBefore = api.get("/api/v1/referrals/" + file.referral, a.token(Role.PRACTITIONER)).text("/status");
        String goal = api.get("/api/v1/plans/" + file.plan, a.token(Role.PRACTITIONER)).text("/goals/0/id");
        List<String> refused = new ArrayList<>();
        for (String token : List.of(a.otherProviderManager, a.otherProviderPractitioner, b.token(Role.PROVIDER_MANAGER),
                b.token(Role.PRACTITIONER))) {
            String ownContract = token.equals(b.token(Role.PROVIDER_MANAGER)) || token.equals(b.token(Role.PRACTITIONER))
                    ? contractOfB : contractOfOtherProvider;
            List<ApiResponse> attempts = List.of(
                    api.patch("/api/v1/persons/" + file.carer, token, Map.of("familyName", "Hijacked")),
                    api.post("/api/v1/persons/" + file.carer + "/relationships", token,
                            Map.of("relatedPersonId", file.caredFor, "kind", "NEXT_OF_KIN")),
                    api.post("/api/v1/contracts/" + file.contract + "/referrals", token, Map.of(
                            "personId", file.carer, "receivedAt", "2026-06-01T09:00:00", "source", "GP")),
                    api.post("/api/v1/contracts/" + ownContract + "/referrals", token, Map.of(
                            "personId", file.carer, "receivedAt", "2026-06-01T09:00:00", "source", "GP")),
                    api.post("/api/v1/referrals/" + file.referral + "/events", token, Map.of(
                            "type", "DECLINED", "occurredAt", "2026-06-01T09:00:00", "reason", "OTHER", "note", "No")),
                    api.post("/api/v1/referrals/" + file.referral + "/service-level", token, Map.of("level", "BASIC", "hoursPerWeek", 2)),
                    api.post("/api/v1/contracts/" + ownContract + "/activities", token, Map.of(
                            "personId", file.carer, "type", "PHONE", "occurredOn", "2026-06-01")),
                    api.post("/api/v1/contracts/" + file.contract + "/activities", token, Map.of(
                            "personId", file.carer, "type", "PHONE", "occurredOn", "2026-06-01")),
                    api.send("PUT", "/api/v1/group-sessions/" + file.groupSession + "/attendance", token,
                            Map.of("personIds", List.of()), Map.of()),
                    api.post("/api/v1/contracts/" + ownContract + "/forms/assessment", token, Map.of(
                            "personId", file.carer, "data", Map.of("complete", true))),
                    api.post("/api/v1/referrals/" + file.referral + "/plans", token, Map.of(
                            "agreedOn", "2026-06-01", "goals", List.of(Map.of("title", "x")))),
                    api.post("/api/v1/plans/" + file.plan + "/reviews", token, Map.of("reviewedOn", "2026-06-02",
                            "goals", List.of(Map.of("goalId", goal, "progress", "ACHIEVED")))),
                    api.post("/api/v1/persons/" + file.carer + "/outcome-readings", token, Map.of(
                            "contractId", ownContract, "instrument", "star", "takenOn", "2026-06-01",
                            "scores", Map.of("wellbeing", 10, "confidence", 10))),
                    api.post("/api/v1/contracts/" + ownContract + "/safeguarding-concerns", token, Map.of(
                            "aboutPersonId", file.carer, "raisedOn", "2026-06-01", "category", "NEGLECT",
                            "details", "x", "referredToLocalAuthority", false)),
                    api.patch("/api/v1/safeguarding-concerns/" + file.concern, token, Map.of("status", "CLOSED",
                            "closedOn", "2026-06-01")),
                    api.post("/api/v1/workers/" + file.worker + "/training", token, Map.of(
                            "trainingCode", "induction", "completedOn", "2026-06-01")));
            for (ApiResponse r : attempts) {
                if (r.status() < 400 || r.status() >= 500 || !r.isProblem()) {
                    refused.add(r.status() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), refused, "every attempt must be a 4xx problem");
        String practitioner = a.token(Role.PRACTITIONER);
        assertEquals("Evans", api.get("/api/v1/persons/" + file.carer, practitioner).text("/familyName"));
        assertEquals(statusBefore, api.get("/api/v1/referrals/" + file.referral, practitioner).text("/status"));
        assertEquals(1, api.get("/api/v1/persons/" + file.carer, practitioner).json().path("relationships").size());
        assertEquals(1, api.get("/api/v1/group-sessions/" + file.groupSession, practitioner).json()
                .path("attendees").size());
        assertEquals("OPEN", api.get("/api/v1/safeguarding-concerns/" + file.concern, a.token(Role.PROVIDER_MANAGER))
                .text("/status"));
        assertEquals(1, api.get("/api/v1/persons/" + file.carer + "/outcomes?instrument=star", practitioner).json()
                .path("readings").size());
    }
}
