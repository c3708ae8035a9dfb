package org.carespec.plugin.api.rules;

/** The actions an {@link ActionRule} can guard. */
public final class GuardedActions {

    /** Setting a referral's service level; data: {@code {"level": "ENHANCED", "hoursPerWeek": 6}}. */
    public static final String SET_SERVICE_LEVEL = "referral.set-service-level";

    /** Recording an activity or contact; data: the activity as posted. */
    public static final String RECORD_ACTIVITY = "activity.record";

    private GuardedActions() {
    }
}
