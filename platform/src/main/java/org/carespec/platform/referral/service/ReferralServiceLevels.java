package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.GuardedActions;

/** The level of service a referral receives (002 §4.4 basic, §4.5 enhanced), as the module's rules allow. */
@Singleton
public class ReferralServiceLevels {

    private final ReferralRepository referrals;
    private final ReferralEvents events;
    private final ReferralReader reader;
    private final CaseworkAccess access;
    private final ActionGuard guard;

    public ReferralServiceLevels(ReferralRepository referrals, ReferralEvents events, ReferralReader reader,
                                 CaseworkAccess access, ActionGuard guard) {
        this.referrals = referrals;
        this.events = events;
        this.reader = reader;
        this.access = access;
        this.guard = guard;
    }

    @Transactional
    public ReferralView set(UUID referralId, ServiceLevelCommand command) {
        Caller caller = access.caller();
        ReferralRow referral = events.locked(caller, referralId);
        if (!referral.status().isOpen()) {
            throw new ConflictException("A referral that is " + referral.status() + " has no service level to set.");
        }
        CaseContract contract = access.ownContract(referral.contractId());
        JsonView data = JsonView.of(Map.of("level", command.level(), "hoursPerWeek", command.hoursPerWeek()));
        // the rules may read the referral: a service is only for someone found eligible (002 §4.4)
        guard.check(contract, GuardedActions.SET_SERVICE_LEVEL, caller.requireTenant(), referral.personId(), data,
                () -> ReferralEvents.snapshot(referral, referrals.events(caller.requireTenant(), referralId).stream()
                        .map(e -> e.type().name()).toList()));
        referrals.updateServiceLevel(caller.requireTenant(), referralId, command.level(), command.hoursPerWeek());
        return reader.get(referralId);
    }
}
