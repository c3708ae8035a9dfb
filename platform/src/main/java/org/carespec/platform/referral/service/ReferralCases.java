package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.ReferralEventType;

/**
 * What other features may do with a referral, and all they see of it: that it is the caller's (its id, contract and
 * person), an event recorded on it (a plan agreed, a review), and its clocks brought up to date (a form submitted).
 */
@Singleton
public class ReferralCases {

    private final ReferralRepository referrals;
    private final ReferralEvents events;
    private final CaseworkAccess access;

    public ReferralCases(ReferralRepository referrals, ReferralEvents events, CaseworkAccess access) {
        this.referrals = referrals;
        this.events = events;
        this.access = access;
    }

    /** A referral of the caller's organisation, as other features know it. */
    public record OwnedReferral(UUID id, UUID contractId, UUID personId) {

        static OwnedReferral of(ReferralRow row) {
            return new OwnedReferral(row.id(), row.contractId(), row.personId());
        }
    }

    /** The caller's referral with this id; for anyone else it does not exist (404). */
    @Transactional
    public OwnedReferral requireOwned(UUID referralId) {
        Caller caller = access.caller();
        return OwnedReferral.of(ReferralReader.own(caller, referrals.find(caller.requireTenant(), referralId)
                .orElse(null), referralId));
    }

    /**
     * The referral a request names in {@code field}: the caller's, under this contract and about this person, or a
     * 400 naming the field.
     */
    @Transactional
    public OwnedReferral requireOf(UUID referralId, UUID contractId, UUID personId, String field) {
        Caller caller = access.caller();
        ReferralRow row = referrals.find(caller.requireTenant(), referralId)
                .filter(r -> r.providerId().equals(caller.organisationId()))
                .orElseThrow(() -> InvalidRequestException.of(field, "is not a referral of your organisation"));
        if (!row.contractId().equals(contractId) || !row.personId().equals(personId)) {
            throw InvalidRequestException.of(field, "is not this person's referral under this contract");
        }
        return OwnedReferral.of(row);
    }

    /** Records a lifecycle event that another feature's record implies (a plan agreed, a plan reviewed). */
    @Transactional
    public void recordEvent(UUID referralId, ReferralEventType type, Instant at) {
        Caller caller = access.caller();
        ReferralRow referral = events.locked(caller, referralId);
        events.record(caller, referral, access.ownContract(referral.contractId()), type, at, null, null, null);
    }

    /** Brings the referral's clocks up to date after something other than an event (a form submitted for it). */
    @Transactional
    public void refreshClocks(UUID referralId) {
        Caller caller = access.caller();
        ReferralRow referral = events.locked(caller, referralId);
        events.refreshClocks(caller, referral, access.ownContract(referral.contractId()));
    }
}
