package org.carespec.platform.referral.domain;

import static org.carespec.platform.referral.domain.ReferralStatus.ACCEPTED;
import static org.carespec.platform.referral.domain.ReferralStatus.ASSESSED;
import static org.carespec.platform.referral.domain.ReferralStatus.CLOSED;
import static org.carespec.platform.referral.domain.ReferralStatus.CONTACTED;
import static org.carespec.platform.referral.domain.ReferralStatus.DECLINED;
import static org.carespec.platform.referral.domain.ReferralStatus.IN_SERVICE;
import static org.carespec.platform.referral.domain.ReferralStatus.RECEIVED;
import static org.carespec.platform.referral.domain.ReferralStatus.WAITING;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carespec.plugin.api.ReferralEventType;

/**
 * The path of a referral: referral, contact, assessment, accept or decline (with a written reason), plan, reviews,
 * and closure with an outcome. Events are replayed in the order they happened, so an event recorded late is checked
 * against the history as it was at that moment.
 */
public final class ReferralLifecycle {

    private static final Set<ReferralStatus> BEFORE_DECISION = EnumSet.of(RECEIVED, CONTACTED, ASSESSED);
    private static final Set<ReferralStatus> ACCEPTED_OR_LATER = EnumSet.of(ACCEPTED, WAITING, IN_SERVICE);

    private ReferralLifecycle() {
    }

    /** The status after an event, or {@link IllegalTransition} naming the status the referral was in. */
    public static ReferralStatus next(ReferralStatus current, ReferralEventType event, boolean hadFirstVisit) {
        if (!current.isOpen()) {
            throw new IllegalTransition(current, event);
        }
        return switch (event) {
            case CONTACTED -> require(current, event, EnumSet.of(RECEIVED), CONTACTED);
            case ASSESSED -> require(current, event, EnumSet.of(RECEIVED, CONTACTED), ASSESSED);
            case ACCEPTED -> require(current, event, BEFORE_DECISION, ACCEPTED);
            case DECLINED -> require(current, event, BEFORE_DECISION, DECLINED);
            case WAITING -> require(current, event, EnumSet.of(ACCEPTED), WAITING);
            case FIRST_VISIT -> {
                if (hadFirstVisit) {
                    throw new IllegalTransition(current, event);
                }
                // A first visit before the decision (an initial meeting) leaves the status; after acceptance it starts
                // the service.
                yield ACCEPTED_OR_LATER.contains(current) ? IN_SERVICE : current;
            }
            case PLAN_AGREED -> require(current, event, ACCEPTED_OR_LATER, IN_SERVICE);
            case REVIEWED -> require(current, event, EnumSet.of(IN_SERVICE), IN_SERVICE);
            case CLOSED -> CLOSED;
        };
    }

    /**
     * The events that may happen next to a referral in this status, in the order of the path (what a page offers as
     * its next steps; anything else would be refused).
     */
    public static List<ReferralEventType> allowedNext(ReferralStatus current, boolean hadFirstVisit) {
        List<ReferralEventType> allowed = new java.util.ArrayList<>();
        for (ReferralEventType event : ReferralEventType.values()) {
            try {
                next(current, event, hadFirstVisit);
                allowed.add(event);
            } catch (IllegalTransition refused) {
                // not a next step from here
            }
        }
        return allowed;
    }

    /** Replays events in order from RECEIVED; the first illegal one throws. */
    public static ReferralStatus replay(List<ReferralEventType> events) {
        ReferralStatus status = RECEIVED;
        boolean firstVisit = false;
        for (ReferralEventType event : events) {
            status = next(status, event, firstVisit);
            firstVisit |= event == ReferralEventType.FIRST_VISIT;
        }
        return status;
    }

    /** Whether a referral in this status is open and its service has not started (undecided, accepted, waiting). */
    public static boolean beforeService(ReferralStatus status) {
        return BEFORE_DECISION.contains(status) || status == ACCEPTED || status == WAITING;
    }

    /**
     * The position of the event that first put the referral IN_SERVICE (the start of its service: a first visit
     * after acceptance, or a plan agreed), or -1 while it has not started. The events must replay without error.
     */
    public static int startOfService(List<ReferralEventType> events) {
        ReferralStatus status = RECEIVED;
        boolean firstVisit = false;
        for (int i = 0; i < events.size(); i++) {
            status = next(status, events.get(i), firstVisit);
            firstVisit |= events.get(i) == ReferralEventType.FIRST_VISIT;
            if (status == IN_SERVICE) {
                return i;
            }
        }
        return -1;
    }

    private static ReferralStatus require(ReferralStatus current, ReferralEventType event, Set<ReferralStatus> from,
                                          ReferralStatus to) {
        if (!from.contains(current)) {
            throw new IllegalTransition(current, event);
        }
        return to;
    }

    /** An event that cannot happen to a referral in its current status. */
    public static final class IllegalTransition extends RuntimeException {
        private final ReferralStatus status;

        IllegalTransition(ReferralStatus status, ReferralEventType event) {
            super("A referral that is " + status + " cannot be " + event
                    + (event == ReferralEventType.FIRST_VISIT && status.isOpen() ? " again" : ""));
            this.status = status;
        }

        public ReferralStatus status() {
            return status;
        }
    }
}
