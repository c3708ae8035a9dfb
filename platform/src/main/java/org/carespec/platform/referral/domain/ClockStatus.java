package org.carespec.platform.referral.domain;

/**
 * Where a response-time promise stands. NOT_STARTED: its start has not happened (a first visit after acceptance);
 * STOPPED: the referral ended before the promise was kept.
 */
public enum ClockStatus {
    NOT_STARTED,
    RUNNING,
    DUE_TODAY,
    OVERDUE,
    MET,
    MET_LATE,
    STOPPED
}
