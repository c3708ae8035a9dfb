package org.carespec.platform.referral.domain;

/** Where a referral stands. DECLINED and CLOSED are final. */
public enum ReferralStatus {
    RECEIVED,
    CONTACTED,
    ASSESSED,
    ACCEPTED,
    WAITING,
    IN_SERVICE,
    DECLINED,
    CLOSED;

    public boolean isOpen() {
        return this != DECLINED && this != CLOSED;
    }
}
