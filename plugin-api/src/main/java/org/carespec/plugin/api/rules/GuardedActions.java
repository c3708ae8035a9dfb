package org.carespec.plugin.api.rules;

/** The actions an {@link ActionRule} can guard. */
public final class GuardedActions {

    /** Setting a referral's service level; data: {@code {"level": "ENHANCED", "hoursPerWeek": 6}}. */
    public static final String SET_SERVICE_LEVEL = "referral.set-service-level";

    /** Recording an activity or contact; data: the activity as posted. */
    public static final String RECORD_ACTIVITY = "activity.record";

    /** Making a record; data: {@code {"type": "funding-award", "data": {…}}}. */
    public static final String CREATE_RECORD = "record.create";

    /** Moving a record through its lifecycle; data: {@code {"type": …, "from": "APPLIED", "to": "AWARDED", "data": {…}}}. */
    public static final String MOVE_RECORD = "record.move";

    private GuardedActions() {
    }
}
