package org.carespec.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contract says which part of a specification it commissions (004 Part 1 from the council, Part 2 from the CCG,
 * the test shape ShortBreaksShape), each part with its own rules and KPIs, and carries the commercial terms of 001's
 * table and a call-off's maximum price per unit (004 §8.1), in pence.
 */
@MicronautTest(transactional = false)
class ContractTermsTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    private List<String> refused(Map<String, Object> body) {
        return api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body).expect(400).problemFields();
    }

    @Test
    void aModuleInPartsNeedsTheContractToNameOneAndAWholeModuleTakesNone() {
        assertEquals(List.of("specificationPart"), refused(t.contractBody("short-breaks-shape", t.provider, Map.of(),
                "2026-04-01", null)));
        assertEquals(List.of("specificationPart"), refused(t.contractBody("short-breaks-shape", t.provider, Map.of(),
                "2026-04-01", "part-3")));
        assertEquals(List.of("specificationPart"), refused(t.contractBody("fixture", t.provider, Map.of(),
                "2026-04-01", "part-1")));
        JsonNode module = api.get("/api/v1/modules/short-breaks-shape", t.token(Role.TENANT_ADMIN)).expect(200).json();
        assertEquals("NHS Dorset CCG", module.path("specificationParts").get(1).path("commissioner").asText());
    }

    @Test
    void commercialTermsAreKeptInPenceAndAPriceAboveTheCallOffMaximumIsRefused() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(t.contractBody("short-breaks-shape", t.provider,
                Map.of(), "2026-04-01", "part-2"));
        body.put("basis", "COST_AND_VOLUME");
        body.put("unitOfMeasurement", "hour of care");
        body.put("unitPricePence", 2_450);
        body.put("volumeThresholds", "Up to 5,000 hours a year at this price");
        body.put("maxUnitPricePence", 2_400);
        assertEquals(List.of("unitPricePence"), refused(body));
        body.put("maxUnitPricePence", 2_600);
        JsonNode contract = api.post("/api/v1/contracts", t.token(Role.TENANT_ADMIN), body).expect(201).json();
        assertEquals("part-2", contract.path("specificationPart").asText());
        assertEquals(2_450, contract.path("unitPricePence").asInt());
        assertEquals("hour of care", contract.path("unitOfMeasurement").asText());
        String id = contract.path("id").asText();
        assertEquals(List.of("unitPricePence"), api.patch("/api/v1/contracts/" + id, t.token(Role.TENANT_ADMIN),
                Map.of("unitPricePence", 2_700)).expect(400).problemFields());
        assertEquals(2_500, api.patch("/api/v1/contracts/" + id, t.token(Role.TENANT_ADMIN),
                Map.of("unitPricePence", 2_500)).expect(200).json().path("unitPricePence").asInt());
        // the Part 2 return reads the price from the contract's own terms, in pence
        JsonNode ret = api.get("/api/v1/contracts/" + id + "/returns/2026-27-Q1", t.token(Role.PROVIDER_MANAGER))
                .expect(200).json();
        assertEquals(2_500, line(ret, "P2-PRICE").path("value").asInt());
    }

    @Test
    void eachPartHasItsOwnRulesAndItsOwnReturnLines() {
        Casework part1 = new Casework(api, t, t.contractForPart("short-breaks-shape", "part-1"),
                t.token(Role.PRACTITIONER));
        Casework part2 = new Casework(api, t, t.contractForPart("short-breaks-shape", "part-2"),
                t.token(Role.PRACTITIONER));
        String five = part1.person("Fay", "Five", "2021-03-01", null);
        JsonNode inPart1 = part1.refer(five, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).json();
        assertFalse(inPart1.path("eligibility").path("eligible").asBoolean(), inPart1.toString());
        assertEquals("NOT_STARTED", Casework.clock(inPart1, "r6-response").path("status").asText(),
                "the module chose: no response clock for an ineligible referral");
        assertTrue(inPart1.path("eligibility").path("reasons").toString().contains("aged 8 up to their 18th"),
                inPart1.toString());
        JsonNode inPart2 = part2.refer(five, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).json();
        assertTrue(inPart2.path("eligibility").path("eligible").asBoolean(), inPart2.toString());
        assertTrue(inPart2.path("eligibility").path("flags").toString().contains("GP practice"), inPart2.toString());
        String registered = api.post("/api/v1/persons", t.token(Role.PRACTITIONER), Map.of("givenName", "Gil",
                "familyName", "Registered", "dateOfBirth", "2015-01-01", "gpPractice", "Forston Surgery"))
                .expect(201).id();
        JsonNode withGp = part2.refer(registered, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).json();
        assertFalse(withGp.path("eligibility").path("flags").toString().contains("GP practice"), withGp.toString());
        // the module's action rule reads the referral's verdict before an event is recorded
        var refused = part1.event(inPart1.path("id").asText(), "ACCEPTED", "2026-05-05T10:00:00", null);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.text("/detail").startsWith("A child outside this part's age range cannot be accepted"),
                refused.body());
        part2.event(inPart2.path("id").asText(), "ACCEPTED", "2026-05-05T10:00:00", null).expect(201);

        List<String> linesOf1 = codes(api.get("/api/v1/contracts/" + part1.contract + "/returns/2026-27-Q1",
                t.token(Role.PROVIDER_MANAGER)).expect(200).json());
        List<String> linesOf2 = codes(api.get("/api/v1/contracts/" + part2.contract + "/returns/2026-27-Q1",
                t.token(Role.PROVIDER_MANAGER)).expect(200).json());
        assertEquals(List.of("R8"), linesOf1);
        assertEquals(List.of("P2-PRICE"), linesOf2);
    }

    @Test
    void aChildsConfirmedCouncilDecidesResidencyAndACorrectionIsReassessed() {
        Casework part1 = new Casework(api, t, t.contractForPart("short-breaks-shape", "part-1"),
                t.token(Role.PRACTITIONER));
        String token = t.token(Role.PRACTITIONER);
        assertEquals(List.of("localAuthorityCode"), api.post("/api/v1/persons", token, Map.of("givenName", "Bad",
                "familyName", "Code", "localAuthorityCode", "Kirklees")).expect(400).problemFields());
        String child = api.post("/api/v1/persons", token, Map.of("givenName", "Kit", "familyName", "Moved",
                "dateOfBirth", "2014-01-01", "localAuthorityCode", "E08000034")).expect(201).id();
        JsonNode outside = part1.refer(child, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).json();
        assertFalse(outside.path("eligibility").path("eligible").asBoolean(), outside.toString());
        assertTrue(outside.path("eligibility").path("reasons").toString().contains("recorded as E08000034"),
                outside.toString());
        assertEquals(List.of("localAuthorityCode"), api.patch("/api/v1/persons/" + child, token,
                Map.of("localAuthorityCode", "E0600005")).expect(400).problemFields());
        assertEquals("E06000059", api.patch("/api/v1/persons/" + child, token, Map.of("localAuthorityCode",
                "E06000059")).expect(200).text("/localAuthorityCode"));
        JsonNode reassessed = api.send("PUT", "/api/v1/referrals/" + outside.path("id").asText() + "/data", token,
                Map.of("data", Map.of(), "reason", "Council confirmed by the family"), Map.of()).expect(200).json();
        assertTrue(reassessed.path("eligibility").path("eligible").asBoolean(), reassessed.toString());
        // an empty string clears it, and a child whose council is not recorded is not refused on it
        api.patch("/api/v1/persons/" + child, token, Map.of("localAuthorityCode", "")).expect(200);
        assertTrue(api.get("/api/v1/persons/" + child, token).expect(200).json().path("localAuthorityCode")
                .isMissingNode());
    }

    @Test
    void aCommissionersLocalDeclineReasonIsAcceptedForItsContractOnly() {
        Casework local = new Casework(api, t, t.contractForPart("short-breaks-shape", "part-2"),
                t.token(Role.PRACTITIONER));
        Casework other = new Casework(api, t, t.contractForPart("short-breaks-shape", "part-2"),
                t.token(Role.PRACTITIONER));
        api.post("/api/v1/contracts/" + local.contract + "/code-lists/decline-reason/codes", t.token(Role.COMMISSIONER),
                Map.of("code", "FAMILY_MOVED", "label", "The family moved out of the area")).expect(201);
        String child = local.person("Lou", "Local", "2016-01-01", null);
        String here = local.refer(child, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        String there = other.refer(child, "2026-05-04T10:00:00", "CWAD", null, null).expect(201).id();
        local.event(here, "DECLINED", "2026-05-05T10:00:00", Map.of("reason", "FAMILY_MOVED", "note", "The family moved to Poole")).expect(201);
        assertEquals(List.of("reason"), other.event(there, "DECLINED", "2026-05-05T10:00:00",
                Map.of("reason", "FAMILY_MOVED", "note", "The family moved to Poole")).expect(400).problemFields());
    }

    private static JsonNode line(JsonNode ret, String code) {
        for (JsonNode l : ret.path("lines")) {
            if (l.path("code").asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code + " in " + ret);
    }

    private static List<String> codes(JsonNode ret) {
        List<String> codes = new ArrayList<>();
        ret.path("lines").forEach(l -> codes.add(l.path("code").asText()));
        return codes;
    }
}
