package org.carespec.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.plugin.api.Role;

/** Case work through the API for one provider of a {@link TestTenant}: people, referrals, events. */
public final class Casework {

    public final Api api;
    public final TestTenant tenant;
    public final String contract;
    public final String token;

    public Casework(Api api, TestTenant tenant, String contract, String token) {
        this.api = api;
        this.tenant = tenant;
        this.contract = contract;
        this.token = token;
    }

    /** A practitioner of the tenant's first provider working under a new contract for the module. */
    public static Casework practitioner(Api api, TestTenant tenant, String module, Map<String, Object> settings) {
        return new Casework(api, tenant, tenant.contract(module, settings), tenant.token(Role.PRACTITIONER));
    }

    /** A practitioner of the tenant's other provider, who must see none of this provider's case work. */
    public String otherToken() {
        return tenant.otherProviderPractitioner;
    }

    public String person(String given, String family, String dateOfBirth, String postcode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth);
        }
        if (postcode != null) {
            body.put("postcode", postcode);
        }
        return api.post("/api/v1/persons", token, body).expect(201).id();
    }

    public ApiResponse refer(String person, String receivedAt, String source, Map<String, Object> data,
                             List<String> related) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        body.put("receivedAt", receivedAt);
        body.put("source", source);
        if (data != null) {
            body.put("data", data);
        }
        if (related != null) {
            body.put("relatedPersonIds", related);
        }
        return api.post("/api/v1/contracts/" + contract + "/referrals", token, body);
    }

    public ApiResponse event(String referral, String type, String occurredAt, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra == null ? Map.of() : extra);
        body.put("type", type);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        return api.post("/api/v1/referrals/" + referral + "/events", token, body);
    }

    private String staffWorker;

    /** A member of the provider's staff as a worker record (made by its manager once), for a break's {@code workerId}. */
    public String staffWorker() {
        if (staffWorker == null) {
            staffWorker = api.post("/api/v1/workers", tenant.token(Role.PROVIDER_MANAGER), Map.of("name",
                    "Sam Staff", "kind", "STAFF")).expect(201).id();
        }
        return staffWorker;
    }

    /** A break for the person, given by {@link #staffWorker()}, of a kind ({@code AT_HOME}…); the response. */
    public ApiResponse breakFor(String person, String referral, String on, int minutes, String breakType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        if (referral != null) {
            body.put("referralId", referral);
        }
        body.put("type", "BREAK");
        body.put("occurredOn", on);
        body.put("durationMinutes", minutes);
        body.put("workerId", staffWorker());
        body.put("data", Map.of("breakType", breakType));
        return api.post("/api/v1/contracts/" + contract + "/activities", token, body);
    }

    /** The clock with this code in a referral's JSON. */
    public static com.fasterxml.jackson.databind.JsonNode clock(com.fasterxml.jackson.databind.JsonNode referral,
                                                                 String code) {
        for (com.fasterxml.jackson.databind.JsonNode c : referral.path("clocks")) {
            if (c.path("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + code + " in " + referral.path("clocks"));
    }
}
