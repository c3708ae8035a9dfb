package org.carespec.platform.referral;

import static org.carespec.plugin.api.ReferralEventType.ACCEPTED;
import static org.carespec.plugin.api.ReferralEventType.ASSESSED;
import static org.carespec.plugin.api.ReferralEventType.CLOSED;
import static org.carespec.plugin.api.ReferralEventType.CONTACTED;
import static org.carespec.plugin.api.ReferralEventType.DECLINED;
import static org.carespec.plugin.api.ReferralEventType.FIRST_VISIT;
import static org.carespec.plugin.api.ReferralEventType.PLAN_AGREED;
import static org.carespec.plugin.api.ReferralEventType.REVIEWED;
import static org.carespec.plugin.api.ReferralEventType.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.carespec.platform.referral.domain.ReferralLifecycle;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.junit.jupiter.api.Test;

class ReferralLifecycleTest {

    @Test
    void thePageOffersOnlyTheStepsTheLifecycleAllows() {
        assertEquals(List.of(CONTACTED, ASSESSED, ACCEPTED, DECLINED, FIRST_VISIT, CLOSED),
                ReferralLifecycle.allowedNext(ReferralStatus.RECEIVED, false));
        assertEquals(List.of(ACCEPTED, DECLINED, CLOSED), ReferralLifecycle.allowedNext(ReferralStatus.ASSESSED, true),
                "an initial meeting happens once");
        assertEquals(List.of(FIRST_VISIT, PLAN_AGREED, WAITING, CLOSED),
                ReferralLifecycle.allowedNext(ReferralStatus.ACCEPTED, false));
        assertEquals(List.of(PLAN_AGREED, REVIEWED, CLOSED), ReferralLifecycle.allowedNext(ReferralStatus.IN_SERVICE,
                true));
        assertEquals(List.of(), ReferralLifecycle.allowedNext(ReferralStatus.DECLINED, false), "the end of the path");
    }

    @Test
    void aReferralGoesFromReceiptThroughPlanAndReviewsToClosure() {
        assertEquals(ReferralStatus.CLOSED, ReferralLifecycle.replay(List.of(CONTACTED, ASSESSED, ACCEPTED, WAITING,
                FIRST_VISIT, PLAN_AGREED, REVIEWED, REVIEWED, CLOSED)));
    }

    @Test
    void aFirstMeetingBeforeTheDecisionLeavesTheStatusAndStartsNothing() {
        assertEquals(ReferralStatus.CONTACTED, ReferralLifecycle.replay(List.of(CONTACTED, FIRST_VISIT)));
        assertEquals(ReferralStatus.IN_SERVICE, ReferralLifecycle.replay(List.of(ACCEPTED, FIRST_VISIT)));
    }

    @Test
    void aDeclinedReferralCannotBeAcceptedAndTheRefusalNamesItsStatus() {
        ReferralLifecycle.IllegalTransition refused = assertThrows(ReferralLifecycle.IllegalTransition.class,
                () -> ReferralLifecycle.replay(List.of(CONTACTED, DECLINED, ACCEPTED)));
        assertEquals(ReferralStatus.DECLINED, refused.status());
        assertEquals("A referral that is DECLINED cannot be ACCEPTED", refused.getMessage());
    }

    @Test
    void anAcceptedReferralCannotThenBeDeclinedOnlyClosed() {
        assertThrows(ReferralLifecycle.IllegalTransition.class, () -> ReferralLifecycle.replay(List.of(ACCEPTED,
                DECLINED)));
        assertEquals(ReferralStatus.CLOSED, ReferralLifecycle.replay(List.of(ACCEPTED, CLOSED)));
    }

    @Test
    void aPlanCannotBeReviewedBeforeItIsAgreedNorAgreedBeforeAcceptance() {
        assertThrows(ReferralLifecycle.IllegalTransition.class, () -> ReferralLifecycle.replay(List.of(ACCEPTED,
                REVIEWED)));
        assertThrows(ReferralLifecycle.IllegalTransition.class, () -> ReferralLifecycle.replay(List.of(CONTACTED,
                PLAN_AGREED)));
    }

    @Test
    void thereIsOneFirstVisit() {
        ReferralLifecycle.IllegalTransition again = assertThrows(ReferralLifecycle.IllegalTransition.class,
                () -> ReferralLifecycle.replay(List.of(ACCEPTED, FIRST_VISIT, FIRST_VISIT)));
        assertEquals("A referral that is IN_SERVICE cannot be FIRST_VISIT again", again.getMessage());
        assertEquals(ReferralStatus.IN_SERVICE, again.status());
    }

    @Test
    void onlyDeclinedAndClosedReferralsAreOver() {
        for (org.carespec.platform.referral.domain.ReferralStatus s
                : org.carespec.platform.referral.domain.ReferralStatus.values()) {
            boolean over = s == org.carespec.platform.referral.domain.ReferralStatus.DECLINED
                    || s == org.carespec.platform.referral.domain.ReferralStatus.CLOSED;
            org.junit.jupiter.api.Assertions.assertEquals(!over, s.isOpen(), s.name());
        }
    }
}
