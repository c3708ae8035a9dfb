package org.carespec.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.plugin.api.Role;

/**
 * One of everything the case-management core keeps, recorded by the first provider of a {@link TestTenant} under a
 * fixture contract: two people (a carer and the person cared for), a referral, an activity, a group session with
 * attendance, a form submission, a plan with a review, an outcome reading, feedback, a safeguarding concern and a
 * worker with training and a DBS check. Every free-text field that must be encrypted at rest carries {@link #SECRET},
 * so a test can look for it in raw rows.
 */
public final class CaseFile {

    /** Text that must never appear in a raw database row. */
    public static final String SECRET = "PLAINTEXT-MARKER-7f3c";

    public final Api api;
    public final TestTenant tenant;
    public final String contract;
    public final String carer;
    public final String caredFor;
    public final String referral;
    public final String activity;
    public final String groupSession;
    public final String formSubmission;
    public final String plan;
    public final String feedback;
    public final String concern;
    public final String worker;

    private CaseFile(Api api, TestTenant t) {
        this.api = api;
        this.tenant = t;
        String manager = t.token(Role.PROVIDER_MANAGER);
        String practitioner = t.token(Role.PRACTITIONER);
        contract = t.contract("fixture", Map.of());

        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", "Carys");
        person.put("familyName", "Evans");
        person.put("dateOfBirth", "1970-02-03");
        person.put("nhsNumber", "9434765919");
        person.put("postcode", "HD1 2AB");
        person.put("communicationNeeds", "Needs large print " + SECRET);
        person.put("equality", Map.of("sex", "FEMALE", "ethnicity", "A", "armedForces", "VETERAN"));
        carer = api.post("/api/v1/persons", practitioner, person).expect(201).id();
        caredFor = api.post("/api/v1/persons", practitioner,
                Map.of("givenName", "Dylan", "familyName", "Evans", "dateOfBirth", "1995-06-07")).expect(201).id();
        api.post("/api/v1/persons/" + carer + "/relationships", practitioner,
                Map.of("relatedPersonId", caredFor, "kind", "CARER_OF")).expect(201);

        referral = api.post("/api/v1/contracts/" + contract + "/referrals", practitioner, Map.of(
                "personId", carer, "receivedAt", "2026-05-11T09:30:00", "source", "GP",
                "relatedPersonIds", List.of(caredFor),
                "data", Map.of("reason", "Carer strain", "healthNotes", "Diagnosed " + SECRET))).expect(201).id();
        api.post("/api/v1/referrals/" + referral + "/events", practitioner, Map.of(
                "type", "CONTACTED", "occurredAt", "2026-05-12T10:00:00", "note", "Spoke to carer " + SECRET))
                .expect(201);
        api.post("/api/v1/referrals/" + referral + "/events", practitioner, Map.of(
                "type", "ASSESSED", "occurredAt", "2026-05-13T10:00:00")).expect(201);
        api.post("/api/v1/referrals/" + referral + "/events", practitioner, Map.of(
                "type", "ACCEPTED", "occurredAt", "2026-05-14T10:00:00")).expect(201);

        worker = api.post("/api/v1/workers", manager, Map.of("name", "Vera Volunteer", "kind", "VOLUNTEER"))
                .expect(201).id();
        api.post("/api/v1/workers/" + worker + "/training", manager, Map.of(
                "trainingCode", "induction", "completedOn", "2026-01-05")).expect(201);
        api.post("/api/v1/workers/" + worker + "/dbs-checks", manager, Map.of(
                "level", "ENHANCED", "certificateNumber", "001234567890", "issuedOn", "2025-09-01",
                "updateService", true, "recheckOn", "2028-09-01")).expect(201);

        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("personId", carer);
        contact.put("referralId", referral);
        contact.put("type", "BREAK");
        contact.put("occurredOn", "2026-05-20");
        contact.put("durationMinutes", 180);
        contact.put("workerId", worker);
        contact.put("notes", "Break at the coast " + SECRET);
        activity = api.post("/api/v1/contracts/" + contract + "/activities", practitioner, contact).expect(201).id();

        groupSession = api.post("/api/v1/contracts/" + contract + "/group-sessions", practitioner, Map.of(
                "type", "SUPPORT_GROUP", "title", "Tuesday carers", "heldOn", "2026-05-19", "place", "Library",
                "notes", "Discussed a member's diagnosis " + SECRET)).expect(201).id();
        api.send("PUT", "/api/v1/group-sessions/" + groupSession + "/attendance", practitioner, Map.of(
                "personIds", List.of(carer), "headcounts", List.of(Map.of("category", "Unnamed carers", "count", 4))),
                Map.of()).expect(200);

        formSubmission = api.post("/api/v1/contracts/" + contract + "/forms/assessment", practitioner, Map.of(
                "personId", carer, "referralId", referral, "submittedOn", "2026-05-21",
                "data", Map.of("complete", true, "summary", "Assessed"))).expect(201).id();

        plan = api.post("/api/v1/referrals/" + referral + "/plans", practitioner, Map.of(
                "agreedOn", "2026-05-22", "goals", List.of(Map.of("title", "A regular break")))).expect(201).id();
        String goal = api.get("/api/v1/plans/" + plan, practitioner).expect(200).text("/goals/0/id");
        api.post("/api/v1/plans/" + plan + "/reviews", practitioner, Map.of(
                "reviewedOn", "2026-06-01", "notes", "Going well " + SECRET,
                "goals", List.of(Map.of("goalId", goal, "progress", "SOME_PROGRESS")))).expect(201);

        api.post("/api/v1/persons/" + carer + "/outcome-readings", practitioner, Map.of(
                "contractId", contract, "instrument", "star", "takenOn", "2026-05-21",
                "scores", Map.of("wellbeing", 3, "confidence", 4))).expect(201);

        feedback = api.post("/api/v1/contracts/" + contract + "/feedback", practitioner, Map.of(
                "kind", "COMPLAINT", "receivedOn", "2026-05-25", "personId", carer,
                "summary", "Late visit " + SECRET, "shareInReturn", false)).expect(201).id();

        concern = api.post("/api/v1/contracts/" + contract + "/safeguarding-concerns", practitioner, Map.of(
                "aboutPersonId", caredFor, "raisedOn", "2026-05-26", "category", "NEGLECT",
                "details", "Not eating " + SECRET, "actionTaken", "Called the GP " + SECRET,
                "referredToLocalAuthority", true)).expect(201).id();
    }

    public static CaseFile record(Api api, TestTenant tenant) {
        return new CaseFile(api, tenant);
    }

    /** Every read of a single record this case file holds. */
    public List<String> recordPaths() {
        return List.of(
                "/api/v1/persons/" + carer,
                "/api/v1/persons/" + caredFor,
                "/api/v1/referrals/" + referral,
                "/api/v1/referrals/" + referral + "/decline-letter",
                "/api/v1/activities/" + activity,
                "/api/v1/group-sessions/" + groupSession,
                "/api/v1/form-submissions/" + formSubmission,
                "/api/v1/persons/" + carer + "/form-submissions",
                "/api/v1/plans/" + plan,
                "/api/v1/persons/" + carer + "/outcomes?instrument=star",
                "/api/v1/feedback/" + feedback,
                "/api/v1/safeguarding-concerns/" + concern,
                "/api/v1/workers/" + worker);
    }

    /** Every list that would show one of these records to someone allowed to see it. */
    public static List<String> listPaths() {
        return List.of("/api/v1/persons", "/api/v1/referrals", "/api/v1/activities", "/api/v1/group-sessions",
                "/api/v1/feedback", "/api/v1/safeguarding-concerns", "/api/v1/workers");
    }

    /** Every ID in the case file, to look for in the body of a list. */
    public List<String> ids() {
        return List.of(contract, carer, caredFor, referral, activity, groupSession, formSubmission, plan, feedback,
                concern, worker);
    }
}
