package org.carespec.plugin.api.rules;

/** The actions an {@link ActionRule} can guard. */
public final class GuardedActions {

    /** Setting a referral's service level; data: {@code {"level": "ENHANCED", "hoursPerWeek": 6}}. */
    public static final String SET_SERVICE_LEVEL = "referral.set-service-level";

    /**
     * Recording an activity or contact; data: {@code {"type": "BREAK", "occurredOn": "2026-05-12",
     * "durationMinutes": 180, "workerId": …, "agency": …, "referralId": …, "data": {…}}}, each field present only when
     * the activity has it (never its notes).
     */
    public static final String RECORD_ACTIVITY = "activity.record";

    /**
     * Recording a referral event, the platform's own (CONTACTED, ACCEPTED, DECLINED…) or one a plan agreement
     * records (PLAN_AGREED); data: {@code {"type": "ACCEPTED", "occurredOn": "2026-05-12", "reason": …}}. The rule
     * sees the referral with {@link ActionFacts#referral()}.
     */
    public static final String RECORD_REFERRAL_EVENT = "referral.event";

    /** Making a record; data: {@code {"type": "funding-award", "data": {…}}}. */
    public static final String CREATE_RECORD = "record.create";

    /** Moving a record through its lifecycle; data: {@code {"type": …, "from": "APPLIED", "to": "AWARDED", "data": {…}}}. */
    public static final String MOVE_RECORD = "record.move";

    /**
     * Naming a worker for work: an activity's worker or a group session's facilitator, after the module's declared
     * {@code WorkerRequirement}s pass; data: {@code {"workerId": …, "kind": "STAFF" | "VOLUNTEER", "workType":
     * "BREAK", "on": "2026-05-12", "trainingHeld": ["safeguarding-adults", …]}} (training current on that day).
     */
    public static final String ASSIGN_WORKER = "worker.assign";

    /** Every action a rule can guard: a rule naming anything else is refused at start-up. */
    public static final java.util.Set<String> ALL = java.util.Set.of(SET_SERVICE_LEVEL, RECORD_ACTIVITY,
            RECORD_REFERRAL_EVENT, CREATE_RECORD, MOVE_RECORD, ASSIGN_WORKER);

    private GuardedActions() {
    }
}
