package org.carespec.plugin.api;

import java.util.Objects;

/**
 * An event of a referral that a specification names beside the platform's own {@link ReferralEventType}s (001: a
 * request "responded to"; 000: a member "signposted to the website"). It never changes the referral's status; it is
 * recorded while the referral is open ({@code POST /api/v1/referrals/{id}/module-events}), shown with the referral,
 * guarded by action rules like any event, and can start or stop a clock ({@code Milestone.moduleEvent(code)}).
 *
 * @param code  upper-case words joined by underscores, not one of the platform's event types
 * @param title what a practitioner calls it
 */
public record ReferralEventDefinition(String code, String title, SpecReference source) {

    public ReferralEventDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
