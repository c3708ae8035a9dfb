package org.carespec.plugin.api.rules;

/** The actions an {@link ActionRule} can guard. */
public final class GuardedActions {

    /** Setting a referral's service level; data: {@code {"level": "ENHANCED", "hoursPerWeek": 6}}. */
    public static final String SET_SERVICE_LEVEL = "referral.set-service-level";

    /** Recording an activity or contact; data: the activity as posted. */
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

    private GuardedActions() {
    }
}
