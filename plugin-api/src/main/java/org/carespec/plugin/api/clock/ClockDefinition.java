package org.carespec.plugin.api.clock;

import java.util.Objects;
import org.carespec.plugin.api.SpecReference;

/**
 * A response-time promise: "{@code deadline} after {@code start}, until {@code stop}".
 *
 * <p>The platform computes, for each referral, the clock's due date, when it was met and its status. A clock
 * whose start has not happened yet (a first visit after acceptance) is not running. A {@code recurring} clock
 * starts again each time it stops (a plan reviewed every six months).
 */
public record ClockDefinition(String code, String title, SpecReference source, Milestone start, Milestone stop,
                              Deadline deadline, boolean recurring) {

    public ClockDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static ClockDefinition of(String code, String title, SpecReference source, Milestone start,
                                     Milestone stop, Deadline deadline) {
        return new ClockDefinition(code, title, source, start, stop, deadline, false);
    }

    public ClockDefinition restartingEachTimeItStops() {
        return new ClockDefinition(code, title, source, start, stop, deadline, true);
    }
}
