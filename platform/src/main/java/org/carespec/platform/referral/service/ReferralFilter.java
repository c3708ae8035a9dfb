package org.carespec.platform.referral.service;

import java.time.Instant;
import java.util.UUID;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.rules.Priority;

/** What the referrals list is narrowed to; every part optional ({@code personId}: one person's referrals). */
public record ReferralFilter(UUID contractId, ReferralStatus status, Priority priority, boolean overdue,
                             Instant receivedFrom, Instant receivedBefore, UUID personId) {

    public ReferralFilter(UUID contractId, ReferralStatus status, Priority priority, boolean overdue,
                          Instant receivedFrom, Instant receivedBefore) {
        this(contractId, status, priority, overdue, receivedFrom, receivedBefore, null);
    }
}
