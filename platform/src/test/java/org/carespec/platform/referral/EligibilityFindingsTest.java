package org.carespec.platform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.carespec.platform.referral.service.ReferralView;
import org.junit.jupiter.api.Test;

/**
 * A referral whose verdict was stored without its findings (data loaded before findings were kept, as the casework
 * benchmark's generated referrals are) reads as having none: found by the pages benchmark, where such a referral's
 * page was a 500.
 */
class EligibilityFindingsTest {

    @Test
    void aVerdictStoredWithoutFindingsHasNone() {
        ReferralView.Eligibility verdict = new ReferralView.Eligibility(true, null, null);
        assertEquals(List.of(), verdict.reasons());
        assertEquals(List.of(), verdict.flags());
    }
}
