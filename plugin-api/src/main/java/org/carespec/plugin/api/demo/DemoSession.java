package org.carespec.plugin.api.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module's {@link DemoCases} may do: the platform's public API, signed in as a practitioner of the contract's
 * provider ({@link #send}), so demo cases are validated, ruled on, clocked and audited like real ones. The platform
 * supplies only what the API cannot: the day, the contract and the signed-in session. The other methods are
 * shorthands for common requests, written on {@code send}. Each call fails with an {@link IllegalStateException}
 * naming the request when the platform refuses it. JSON bodies are plain maps and lists.
 */
public interface DemoSession {

    /** The day the demo is loaded, in Europe/London. */
    LocalDate today();

    /** The start date of the contract the platform made for these cases. */
    LocalDate contractStart();

    /** The id of that contract. */
    String contractId();

    /**
     * Any request of the public API ({@code "POST", "/api/v1/persons", body}), as the practitioner; the answer's JSON
     * object (empty for an answer without a body).
     */
    Map<String, Object> send(String method, String path, Object body);

    /** A person; {@code equality} as {@code POST /api/v1/persons} takes it. Returns the id. */
    default String person(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
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
        return idOf(send("POST", "/api/v1/persons", body));
    }

    /** A relationship from {@code person} to {@code related}, e.g. {@code CARER_OF}. */
    default void relate(String person, String related, String kind) {
        send("POST", "/api/v1/persons/" + person + "/relationships",
                Map.of("relatedPersonId", related, "kind", kind));
    }

    /** A referral under the contract; returns its id. */
    default String refer(String person, LocalDateTime receivedAt, String source, Map<String, Object> data,
                         List<String> relatedPersons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        body.put("receivedAt", receivedAt.toString());
        body.put("source", source);
        body.put("data", data == null ? Map.of() : data);
        body.put("relatedPersonIds", relatedPersons == null ? List.of() : relatedPersons);
        return idOf(send("POST", "/api/v1/contracts/" + contractId() + "/referrals", body));
    }

    /** A lifecycle event; {@code extra} holds {@code reason}, {@code note} or {@code outcome} where needed. */
    default void event(String referral, String type, LocalDateTime occurredAt, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra == null ? Map.of() : extra);
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        send("POST", "/api/v1/referrals/" + referral + "/events", body);
    }

    /**
     * The id of a worker record of a member of the provider's staff (plugin-api 2.2), for activities that must name
     * who delivered them (a break); the platform makes it on first use.
     */
    default String staffWorker() {
        throw new UnsupportedOperationException("this demo session has no worker record");
    }

    /** An activity or contact; {@code agency} for signposting and referrals out, else null. */
    default void activity(String person, String referral, String type, LocalDate on, int minutes, String agency) {
        activity(person, referral, type, on, minutes, agency, null, null);
    }

    /**
     * An activity or contact naming the worker who delivered it (or null) and with the module's data for it (a break's
     * {@code breakType}; or null).
     */
    default void activity(String person, String referral, String type, LocalDate on, int minutes, String agency,
                          String worker, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (worker != null) {
            body.put("workerId", worker);
        }
        if (data != null) {
            body.put("data", data);
        }
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
        send("POST", "/api/v1/contracts/" + contractId() + "/activities", body);
    }

    /** A group session with its named attendance. */
    default void group(String type, String title, LocalDate heldOn, String place, List<String> attendees) {
        String session = idOf(send("POST", "/api/v1/contracts/" + contractId() + "/group-sessions", Map.of(
                "type", type, "title", title, "heldOn", heldOn.toString(), "place", place)));
        send("PUT", "/api/v1/group-sessions/" + session + "/attendance", Map.of("personIds", attendees));
    }

    /** A record of the module's type; {@code person} and {@code referral} may be null as its subject allows. */
    default String record(String typeCode, String person, String referral, LocalDate recordedOn,
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
        return idOf(send("POST", "/api/v1/contracts/" + contractId() + "/records/" + typeCode, body));
    }

    /** A plan for a referral, with goal titles; returns its id. */
    default String plan(String referral, LocalDate agreedOn, List<String> goals) {
        return idOf(send("POST", "/api/v1/referrals/" + referral + "/plans", Map.of(
                "agreedOn", agreedOn.toString(), "goals", goals.stream().map(g -> Map.of("title", g)).toList())));
    }

    /** A review of every goal of a plan with one progress code ({@code SOME_PROGRESS}, {@code ACHIEVED}…). */
    @SuppressWarnings("unchecked")
    default void review(String plan, LocalDate reviewedOn, String progress) {
        List<Map<String, Object>> goals = (List<Map<String, Object>>) send("GET", "/api/v1/plans/" + plan,
                null).get("goals");
        send("POST", "/api/v1/plans/" + plan + "/reviews", Map.of("reviewedOn", reviewedOn.toString(),
                "goals", goals.stream().map(g -> Map.of("goalId", g.get("id"), "progress", progress)).toList()));
    }

    /** A complaint, compliment or testimony. */
    default void feedback(String kind, LocalDate receivedOn, String summary) {
        send("POST", "/api/v1/contracts/" + contractId() + "/feedback", Map.of("kind", kind,
                "receivedOn", receivedOn.toString(), "summary", summary, "shareInReturn", false));
    }

    private static String idOf(Map<String, Object> created) {
        return String.valueOf(created.get("id"));
    }
}
