package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.carespec.platform.codelist.service.ModuleCodes;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ReferralLifecycle;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.referral.repository.EventRow;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenant.service.TenantCalendar;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.rules.ReferralSnapshot;

/**
 * A referral's lifecycle: events replayed in the order they happened (so one entered late must fit where it
 * belongs), the status they lead to, and the clocks they start and stop. One event reads the referral (locked) and
 * its contract once each.
 */
@Singleton
public class ReferralEvents {

    private final ReferralRepository referrals;
    private final ReferralClocks clocks;
    private final ReferralReader reader;
    private final CaseworkAccess access;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final TenantCalendar calendars;
    private final ActionGuard guard;
    private final ReferralForms forms;
    private final Clock clock;

    public ReferralEvents(ReferralRepository referrals, ReferralClocks clocks, ReferralReader reader,
                          CaseworkAccess access, FieldCipher cipher, Idempotency idempotency, TenantCalendar calendars,
                          ActionGuard guard, ReferralForms forms, Clock clock) {
        this.referrals = referrals;
        this.clocks = clocks;
        this.reader = reader;
        this.access = access;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.calendars = calendars;
        this.guard = guard;
        this.forms = forms;
        this.clock = clock;
    }

    /** An event recorded by a practitioner through the API; the same {@code Idempotency-Key} records it once. */
    @Transactional
    public ReferralView add(UUID referralId, ReferralEventCommand command, String idempotencyKey) {
        Caller caller = access.caller();
        return idempotency.once(idempotencyKey, "referral-event:" + referralId, command,
                () -> add(caller, referralId, command), ReferralView::id, reader::get);
    }

    private ReferralView add(Caller caller, UUID referralId, ReferralEventCommand command) {
        ReferralRow referral = locked(caller, referralId);
        CaseContract contract = access.ownContract(referral.contractId());
        Instant at = command.occurredAt() == null ? clock.instant()
                : LondonTime.happened(command.occurredAt(), "occurredAt", clock);
        validate(contract.module(), forms.codes(caller.requireTenant(), contract), referral, command, at);
        Recorded recorded = record(caller, referral, contract, command.type(), at, command.reason(), command.note(),
                command.outcome());
        return reader.view(caller, recorded.referral(), recorded.events(), recorded.cycles(), contract.module());
    }

    /** The caller's referral, locked for this transaction: one event at a time per referral. */
    ReferralRow locked(Caller caller, UUID referralId) {
        return ReferralReader.own(caller, referrals.lock(caller.requireTenant(), referralId).orElse(null), referralId);
    }

    /** What recording an event left: the referral as it now stands, its events (the new one included), its clocks. */
    record Recorded(ReferralRow referral, List<EventRow> events, List<ClockCycle> cycles) {
    }

    /**
     * Records an event on a referral already locked by {@link #locked}, after replaying its history with it; a
     * step its status does not allow is a 409 naming the status.
     */
    Recorded record(Caller caller, ReferralRow referral, CaseContract contract, ReferralEventType type, Instant at,
                    String reason, String note, ReferralEventCommand.Outcome outcome) {
        UUID tenant = caller.requireTenant();
        List<EventRow> events = new ArrayList<>(referrals.events(tenant, referral.id()));
        List<String> before = events.stream().map(e -> e.type().name()).toList();
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("type", type.name());
        asked.put("occurredOn", LondonTime.dateOf(at).toString());
        if (reason != null) {
            asked.put("reason", reason);
        }
        guard.check(contract, GuardedActions.RECORD_REFERRAL_EVENT, tenant, referral.personId(), JsonView.of(asked),
                () -> snapshot(referral, before));
        UUID id = Ids.newId();
        // Events at the same moment keep the order they were recorded in: created_at is written from the same clock
        // as this replay reads (not the database's now()), with the time-ordered id to part two in one microsecond.
        EventRow added = new EventRow(id, type, at, LondonTime.dateOf(at), reason,
                cipher.encrypt(note == null || note.isBlank() ? null : note, FieldContext.of(tenant,
                        ReferralReader.EVENT_NOTE, id)), caller.actor(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        events.add(added);
        events.sort(Comparator.comparing(EventRow::occurredAt).thenComparing(EventRow::createdAt)
                .thenComparing(EventRow::id));
        ReferralStatus status;
        try {
            status = ReferralLifecycle.replay(events.stream().map(EventRow::type).toList());
        } catch (ReferralLifecycle.IllegalTransition e) {
            throw new ConflictException(e.getMessage() + " (status now " + referral.status() + ")");
        }
        referrals.insertEvent(tenant, referral.id(), added, outcome == null ? null : Json.write(outcome));
        EventRow end = events.stream().filter(e -> e.type() == ReferralEventType.DECLINED
                || e.type() == ReferralEventType.CLOSED).findFirst().orElse(null);
        int started = ReferralLifecycle.startOfService(events.stream().map(EventRow::type).toList());
        ReferralRow updated = referrals.updateStatus(tenant, referral.id(), status,
                end == null ? null : end.occurredOn(), started < 0 ? null : events.get(started).occurredOn(),
                type == ReferralEventType.DECLINED ? reason : null,
                outcome == null ? null : outcome.result().name(), outcome == null ? null : outcome.reason(),
                outcome == null ? null : outcome.destination());
        List<ClockCycle> cycles = clocks.recompute(tenant, updated, contract.contract().specificationPart(),
                contract.module().clocks(), events,
                contract.contract().terms(), calendars.of(tenant));
        return new Recorded(updated, events, cycles);
    }

    /** The referral as an action rule sees it, with the types of its events so far. */
    static ReferralSnapshot snapshot(ReferralRow referral, List<String> events) {
        return new ReferralSnapshot(referral.status().name(), referral.eligible(), referral.priority(),
                referral.source(), events, JsonView.of(referral.data() == null ? Map.of() : Json.toMap(referral.data())));
    }

    /** Recomputes a locked referral's clocks after something other than an event happened (a form submitted). */
    void refreshClocks(Caller caller, ReferralRow referral, CaseContract contract) {
        UUID tenant = caller.requireTenant();
        clocks.recompute(tenant, referral, contract.contract().specificationPart(), contract.module().clocks(),
                referrals.events(tenant, referral.id()),
                contract.contract().terms(), calendars.of(tenant));
    }

    private void validate(InstalledPlugin module, BiPredicate<String, String> accepted, ReferralRow referral,
                          ReferralEventCommand c, Instant at) {
        if (at.isBefore(referral.receivedAt())) {
            throw InvalidRequestException.of("occurredAt", "must not be before the referral was received");
        }
        if (c.type() == ReferralEventType.DECLINED) {
            if (c.reason() == null || c.reason().isBlank()) {
                throw InvalidRequestException.of("reason", "is required to decline a referral");
            }
            ModuleCodes.require(module, accepted, CodeLists.DECLINE_REASON, c.reason(), "reason");
            // 002 §4.13: "a full written reason" goes to the referrer; a code alone ("Other") is no reason
            if (c.note() == null || c.note().isBlank()) {
                throw InvalidRequestException.of("note", "must give the full written reason for the decline, which"
                        + " the letter quotes");
            }
        }
        if (c.type() == ReferralEventType.CLOSED) {
            if (c.outcome() == null) {
                throw InvalidRequestException.of("outcome", "is required to close a referral");
            }
            if (c.outcome().result() == ReferralEventCommand.Result.WITHDRAWN
                    && !ReferralLifecycle.beforeService(referral.status())) {
                throw InvalidRequestException.of("outcome.result", "WITHDRAWN ends a referral before its service"
                        + " starts; this one is " + referral.status() + " (use LEFT_BEFORE_GOALS_MET)");
            }
            if (c.outcome().result() == ReferralEventCommand.Result.LEFT_BEFORE_GOALS_MET
                    || c.outcome().result() == ReferralEventCommand.Result.WITHDRAWN) {
                if (c.outcome().reason() == null) {
                    throw InvalidRequestException.of("outcome.reason", "is required when " + (c.outcome().result()
                            == ReferralEventCommand.Result.WITHDRAWN ? "a referral is withdrawn"
                            : "leaving before the goals are met"));
                }
                ModuleCodes.require(module, accepted, CodeLists.LEAVING_REASON, c.outcome().reason(),
                        "outcome.reason");
            }
            if (c.outcome().result() == ReferralEventCommand.Result.MOVED_ON) {
                if (c.outcome().destination() == null) {
                    throw InvalidRequestException.of("outcome.destination", "is required when moving on");
                }
                ModuleCodes.require(module, accepted, CodeLists.MOVING_ON_DESTINATION, c.outcome().destination(),
                        "outcome.destination");
            }
        } else if (c.outcome() != null) {
            throw InvalidRequestException.of("outcome", "is given only when closing a referral");
        }
    }
}
