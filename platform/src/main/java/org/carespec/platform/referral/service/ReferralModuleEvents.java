package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.ReferralEventDefinition;
import org.carespec.plugin.api.rules.GuardedActions;

/**
 * Records the module's own referral events (ReferralEventDefinition): while the referral is open, guarded by the
 * module's action rules like any event, never changing the status, and recomputing the clocks that wait for them.
 */
@Singleton
public class ReferralModuleEvents {

    private final ReferralRepository referrals;
    private final ReferralEvents events;
    private final ReferralReader reader;
    private final CaseworkAccess access;
    private final ActionGuard guard;
    private final FieldCipher cipher;
    private final Clock clock;

    public ReferralModuleEvents(ReferralRepository referrals, ReferralEvents events, ReferralReader reader,
                                CaseworkAccess access, ActionGuard guard, FieldCipher cipher, Clock clock) {
        this.referrals = referrals;
        this.events = events;
        this.reader = reader;
        this.access = access;
        this.guard = guard;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public ReferralView record(UUID referralId, ModuleEventCommand command) {
        Caller caller = access.caller();
        UUID tenant = caller.requireTenant();
        ReferralRow referral = events.locked(caller, referralId);
        CaseContract contract = access.ownContract(referral.contractId());
        ReferralEventDefinition declared = contract.module().referralEvents().stream()
                .filter(e -> e.code().equals(command.code())).findFirst()
                .orElseThrow(() -> InvalidRequestException.of("code", contract.module().referralEvents().isEmpty()
                        ? "is not an event of module " + contract.module().id() + ", which declares none"
                        : "must be one of: " + String.join(", ", contract.module().referralEvents().stream()
                        .map(ReferralEventDefinition::code).toList())));
        if (!referral.status().isOpen()) {
            throw new ConflictException("The referral is " + referral.status() + "; " + declared.title()
                    + " can only be recorded while it is open");
        }
        Instant at = command.occurredAt() == null ? clock.instant()
                : LondonTime.happened(command.occurredAt(), "occurredAt", clock);
        if (at.isBefore(referral.receivedAt())) {
            throw InvalidRequestException.of("occurredAt", "must not be before the referral was received");
        }
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("type", command.code());
        asked.put("occurredOn", LondonTime.dateOf(at).toString());
        guard.check(contract, GuardedActions.RECORD_REFERRAL_EVENT, tenant, referral.personId(), JsonView.of(asked),
                () -> ReferralEvents.snapshot(referral,
                        referrals.events(tenant, referralId).stream().map(e -> e.type().name()).toList()));
        UUID id = Ids.newId();
        byte[] note = command.note() == null || command.note().isBlank() ? null
                : cipher.encrypt(command.note(), FieldContext.of(tenant, ReferralReader.MODULE_EVENT_NOTE, id));
        referrals.insertModuleEvent(tenant, referralId, id, command.code(), at, LondonTime.dateOf(at), note,
                caller.actor());
        events.refreshClocks(caller, referral, contract);
        return reader.get(referralId);
    }
}
