package org.carespec.platform.demo.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.plugin.api.demo.DemoSession;

/** A module's demo cases, entered through the API as the demo provider's practitioner. */
final class ApiDemoSession implements DemoSession {

    private final DemoApi api;
    private final String token;
    private final String contract;
    private final LocalDate today;
    private final LocalDate contractStart;

    ApiDemoSession(DemoApi api, String token, String contract, LocalDate today, LocalDate contractStart) {
        this.api = api;
        this.token = token;
        this.contract = contract;
        this.today = today;
        this.contractStart = contractStart;
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public LocalDate contractStart() {
        return contractStart;
    }

    @Override
    public String person(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                         Map<String, Object> equality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", givenName);
        body.put("familyName", familyName);
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth.toString());
        }
        if (postcode != null) {
            body.put("postcode", postcode);
        }
        if (equality != null) {
            body.put("equality", equality);
        }
        return id(api.send("POST", "/api/v1/persons", token, body));
    }

    @Override
    public void relate(String person, String related, String kind) {
        api.send("POST", "/api/v1/persons/" + person + "/relationships", token,
                Map.of("relatedPersonId", related, "kind", kind));
    }

    @Override
    public String refer(String person, LocalDateTime receivedAt, String source, Map<String, Object> data,
                        List<String> relatedPersons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        body.put("receivedAt", receivedAt.toString());
        body.put("source", source);
        body.put("data", data == null ? Map.of() : data);
        body.put("relatedPersonIds", relatedPersons == null ? List.of() : relatedPersons);
        return id(api.send("POST", "/api/v1/contracts/" + contract + "/referrals", token, body));
    }

    @Override
    public void event(String referral, String type, LocalDateTime occurredAt, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra == null ? Map.of() : extra);
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        api.send("POST", "/api/v1/referrals/" + referral + "/events", token, body);
    }

    @Override
    public void activity(String person, String referral, String type, LocalDate on, int minutes, String agency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        if (referral != null) {
            body.put("referralId", referral);
        }
        body.put("type", type);
        body.put("occurredOn", on.toString());
        body.put("durationMinutes", minutes);
        if (agency != null) {
            body.put("agency", agency);
        }
        api.send("POST", "/api/v1/contracts/" + contract + "/activities", token, body);
    }

    @Override
    public void group(String type, String title, LocalDate heldOn, String place, List<String> attendees) {
        String session = id(api.send("POST", "/api/v1/contracts/" + contract + "/group-sessions", token, Map.of(
                "type", type, "title", title, "heldOn", heldOn.toString(), "place", place)));
        api.send("PUT", "/api/v1/group-sessions/" + session + "/attendance", token, Map.of("personIds", attendees));
    }

    @Override
    public String record(String typeCode, String person, String referral, LocalDate recordedOn,
                         Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (person != null) {
            body.put("personId", person);
        }
        if (referral != null) {
            body.put("referralId", referral);
        }
        body.put("recordedOn", recordedOn.toString());
        body.put("data", data);
        return id(api.send("POST", "/api/v1/contracts/" + contract + "/records/" + typeCode, token, body));
    }

    @Override
    public String plan(String referral, LocalDate agreedOn, List<String> goals) {
        return id(api.send("POST", "/api/v1/referrals/" + referral + "/plans", token, Map.of(
                "agreedOn", agreedOn.toString(), "goals", goals.stream().map(g -> Map.of("title", g)).toList())));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void review(String plan, LocalDate reviewedOn, String progress) {
        List<Map<String, Object>> goals = (List<Map<String, Object>>) api.send("GET", "/api/v1/plans/" + plan, token,
                null).get("goals");
        api.send("POST", "/api/v1/plans/" + plan + "/reviews", token, Map.of("reviewedOn", reviewedOn.toString(),
                "goals", goals.stream().map(g -> Map.of("goalId", g.get("id"), "progress", progress)).toList()));
    }

    @Override
    public void feedback(String kind, LocalDate receivedOn, String summary) {
        api.send("POST", "/api/v1/contracts/" + contract + "/feedback", token, Map.of("kind", kind,
                "receivedOn", receivedOn.toString(), "summary", summary, "shareInReturn", false));
    }

    private static String id(Map<String, Object> created) {
        return String.valueOf(created.get("id"));
    }
}
