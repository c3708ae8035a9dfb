package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.repository.EventRow;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;

/** Reads a referral of the caller's organisation as the API shows it, its sensitive data and notes decrypted. */
@Singleton
public class ReferralReader {

    static final String SENSITIVE_DATA = "referral.data";
    static final String MODULE_EVENT_NOTE = "referral_module_event.note";
    static final String EVENT_NOTE = "referral_event.note";

    private final ReferralRepository referrals;
    private final ReferralClocks clocks;
    private final CaseworkAccess access;
    private final FieldCipher cipher;
    private final Clock clock;

    public ReferralReader(ReferralRepository referrals, ReferralClocks clocks, CaseworkAccess access,
                          FieldCipher cipher, Clock clock) {
        this.referrals = referrals;
        this.clocks = clocks;
        this.access = access;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public ReferralView get(UUID id) {
        Caller caller = access.caller();
        ReferralRow r = own(caller, referrals.find(caller.requireTenant(), id).orElse(null), id);
        InstalledPlugin module = access.ownContract(r.contractId()).module();
        UUID tenant = caller.requireTenant();
        return withClocks(caller, r, referrals.events(tenant, id),
                clocks.views(tenant, id, module.clocks(), LondonTime.today(clock)), module);
    }

    /** The referral if it belongs to the caller's organisation; otherwise, for the caller, it does not exist. */
    static ReferralRow own(Caller caller, ReferralRow row, UUID id) {
        if (row == null || !row.providerId().equals(caller.organisationId())) {
            throw new NotFoundException("Referral " + id);
        }
        return row;
    }

    /** The answer for a referral, from its row, its events in hand and its clocks' cycles. */
    ReferralView view(Caller caller, ReferralRow r, List<EventRow> events, List<ClockCycle> cycles,
                      InstalledPlugin module) {
        return withClocks(caller, r, events, ReferralClocks.views(cycles, module.clocks(), LondonTime.today(clock)),
                module);
    }

    private ReferralView withClocks(Caller caller, ReferralRow r, List<EventRow> events,
                                    List<ReferralView.Clock> clockViews, InstalledPlugin module) {
        UUID tenant = caller.requireTenant();
        Map<String, Object> data = Json.toMap(r.data());
        if (r.sensitive() != null) {
            data.putAll(Json.toMap(cipher.decrypt(r.sensitive(), FieldContext.of(tenant, SENSITIVE_DATA, r.id()))));
        }
        List<ReferralView.RelatedPerson> related = referrals.related(tenant, r.id()).stream()
                .map(e -> new ReferralView.RelatedPerson(e.getKey(), e.getValue())).toList();
        return view(caller, r, Json.convert(Json.toMap(r.assessment()), Assessment.class), data, related, events,
                clockViews, moduleEvents(caller, r.id(), module));
    }

    /** The module's own events of the referral, read only when the module declares any. */
    private List<ReferralView.ModuleEvent> moduleEvents(Caller caller, UUID referral, InstalledPlugin module) {
        if (module.referralEvents().isEmpty()) {
            return List.of();
        }
        UUID tenant = caller.requireTenant();
        Map<String, String> titles = new java.util.HashMap<>();
        module.referralEvents().forEach(e -> titles.put(e.code(), e.title()));
        return referrals.moduleEvents(tenant, referral).stream().map(e -> new ReferralView.ModuleEvent(e.id(),
                e.code(), titles.getOrDefault(e.code(), e.code()), LondonTime.offset(e.occurredAt()),
                cipher.decrypt(e.note(), FieldContext.of(tenant, MODULE_EVENT_NOTE, e.id())), e.recordedBy())).toList();
    }

    /** The answer for a referral whose assessment and form data (sensitive fields included) are already at hand. */
    ReferralView view(Caller caller, ReferralRow r, Assessment assessment, Map<String, Object> data,
                      List<ReferralView.RelatedPerson> related, List<EventRow> eventRows,
                      List<ReferralView.Clock> clockViews, List<ReferralView.ModuleEvent> moduleEvents) {
        UUID tenant = caller.requireTenant();
        List<ReferralView.Event> events = eventRows.stream()
                .sorted(Comparator.comparing(EventRow::occurredAt).thenComparing(EventRow::createdAt)
                        .thenComparing(EventRow::id))
                .map(e -> new ReferralView.Event(e.id(), e.type(), LondonTime.offset(e.occurredAt()), e.reason(),
                        cipher.decrypt(e.note(), FieldContext.of(tenant, EVENT_NOTE, e.id())), e.recordedBy()))
                .toList();
        ReferralView.Closure closure = r.outcome() == null ? null
                : new ReferralView.Closure(r.outcome(), r.outcomeReason(), r.destination());
        return new ReferralView(r.id(), r.contractId(), r.personId(), related, LondonTime.offset(r.receivedAt()),
                r.source(), r.status(), r.priority(),
                new ReferralView.Eligibility(assessment.eligible(), assessment.reasons(), assessment.flags()),
                assessment.priorityReasons(), r.serviceLevel(), r.serviceHours(),
                clockViews, r.formCode(), r.formVersion(),
                data, r.declineReason(), closure, r.endedOn(), events, moduleEvents, r.createdAt());
    }
}
