package org.carespec.plugin.api.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/**
 * A response-time promise: "{@code deadline} after {@code start}, until the first of {@code stops}".
 *
 * <p>The platform computes, for each referral, the clock's due date, when it was met and its status. A clock
 * whose start has not happened yet (a first visit after acceptance) is not running. A {@code recurring} clock
 * starts again each time it stops (a plan reviewed every six months). A clock with a {@code condition} applies
 * only to referrals that meet it (a response target by urgency); {@code null} means every referral.
 */
public record ClockDefinition(String code, String title, SpecReference source, Milestone start, List<Milestone> stops,
                              Deadline deadline, boolean recurring, ClockCondition condition) {

    public ClockDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(deadline, "deadline");
        stops = List.copyOf(stops);
        if (stops.isEmpty()) {
            throw new IllegalArgumentException("clock " + code + " needs at least one stop");
        }
    }

    public static ClockDefinition of(String code, String title, SpecReference source, Milestone start,
                                     Milestone stop, Deadline deadline) {
        return new ClockDefinition(code, title, source, start, List.of(stop), deadline, false, null);
    }

    /** The same clock, met by whichever of its stops happens first (004 R6: accepted or declined). */
    public ClockDefinition orStoppingOn(Milestone another) {
        List<Milestone> more = new ArrayList<>(stops);
        more.add(another);
        return new ClockDefinition(code, title, source, start, more, deadline, recurring, condition);
    }

    /**
     * The same clock, applying only to referrals that meet the condition; called again, the referral must meet both
     * (see {@link ClockCondition#allOf} and {@link ClockCondition#anyOf} for other combinations).
     */
    public ClockDefinition onlyWhen(ClockCondition when) {
        Objects.requireNonNull(when, "when");
        return new ClockDefinition(code, title, source, start, stops, deadline, recurring,
                condition == null ? when : ClockCondition.allOf(condition, when));
    }

    public ClockDefinition restartingEachTimeItStops() {
        return new ClockDefinition(code, title, source, start, stops, deadline, true, condition);
    }
}
