package org.carespec.plugin.api;

/** The lifecycle events a referral goes through. Clocks start and stop on them. */
public enum ReferralEventType {
    CONTACTED,
    ASSESSED,
    ACCEPTED,
    DECLINED,
    FIRST_VISIT,
    PLAN_AGREED,
    REVIEWED,
    WAITING,
    CLOSED
}
