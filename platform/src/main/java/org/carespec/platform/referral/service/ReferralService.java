package org.carespec.platform.referral.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plugin.InstalledForm;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ReferralLifecycle;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenant.service.TenantNations;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.rules.RelatedPersonFacts;
import org.carespec.plugin.api.rules.Relationships;

/**
 * Referrals: received, assessed by the module's rules, moved along their lifecycle by events, timed by the module's
 * clocks. A referral belongs to the provider of its contract; nobody else can see it exists.
 */
@Singleton
public class ReferralService {

    static final String SENSITIVE_DATA = "referral.data";
    static final String EVENT_NOTE = "referral_event.note";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final ReferralAssessor assessor;
    private final ReferralClocks clocks;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final TenantNations nations;
    private final PluginRegistry plugins;
    private final ContractService contracts;
    private final Clock clock;
    private final ActionGuard guard;

    public ReferralService(Sql sql, CaseworkAccess access, PersonService people, ReferralAssessor assessor,
                           ReferralClocks clocks, FieldCipher cipher, Idempotency idempotency, TenantNations nations,
                           PluginRegistry plugins, ContractService contracts, Clock clock, ActionGuard guard) {
        this.guard = guard;
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.assessor = assessor;
        this.clocks = clocks;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.nations = nations;
        this.plugins = plugins;
        this.contracts = contracts;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ receiving a referral

    @Transactional
    public ReferralView create(UUID contractId, ReferralCommand command, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "referral:" + contractId, command,
                () -> receive(caller, contract, command), ReferralView::id, this::get);
    }

    /**
     * Receives a referral and returns it as stored. This is the busiest write of the platform, so it reads each thing
     * once: the person's facts double as the ownership check, the clocks go in as one statement, and the answer is
     * built from what was just written rather than read back piece by piece.
     */
    private ReferralView receive(Caller caller, CaseContract contract, ReferralCommand command) {
        InstalledPlugin module = contract.module();
        UUID tenant = caller.tenant();
        ReferralAssessor.Person subject = personFacts(caller, command.personId(), "personId");
        List<UUID> related = command.relatedPersonIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.relatedPersonIds()));
        for (int i = 0; i < related.size(); i++) {
            if (related.get(i).equals(command.personId())) {
                throw InvalidRequestException.of("relatedPersonIds[" + i + "]", "must be someone other than personId");
            }
        }
        // PostgreSQL keeps microseconds: the answer, built from what was written, must show what was stored.
        Instant receivedAt = LondonTime.parse(command.receivedAt(), "receivedAt").truncatedTo(ChronoUnit.MICROS);
        if (receivedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw InvalidRequestException.of("receivedAt", "must not be in the future");
        }
        requireCode(module, CodeLists.REFERRAL_SOURCE, command.source(), "source");
        Optional<InstalledForm> form = module.referralFormFor(command.source());
        ObjectNode data = Json.toTree(command.data());
        if (form.isPresent()) {
            List<FieldError> errors = form.get().schema().validate(data, "data");
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        } else if (!data.isEmpty()) {
            throw InvalidRequestException.of("data", "must be empty: this module has no referral form");
        }
        UUID id = Ids.newId();
        LocalDate receivedOn = LondonTime.dateOf(receivedAt);
        JsonView settings = JsonView.of(Json.toMap(contract.contract().settings()));
        List<ReferralAssessor.Related> relatedFacts = new ArrayList<>();
        Map<UUID, String> relationships = new LinkedHashMap<>();
        for (int i = 0; i < related.size(); i++) {
            UUID other = related.get(i);
            ReferralAssessor.Person facts = personFacts(caller, other, "relatedPersonIds[" + i + "]");
            String relationship = relationship(tenant, command.personId(), other);
            relationships.put(other, relationship);
            relatedFacts.add(new ReferralAssessor.Related(relationship, facts.dateOfBirth(), facts.postcode(),
                    facts.equality()));
        }
        Map<String, Object> submitted = Json.toMap(data);
        Assessment assessment = assessor.assess(module, new ReferralAssessor.Facts(receivedOn, command.source(),
                JsonView.of(submitted), subject,
                List.<RelatedPersonFacts>copyOf(relatedFacts), settings));
        Split split = split(form, data);
        String assessmentJson = Json.write(assessment);
        String plainJson = Json.write(split.plain());
        byte[] sensitive = split.sensitive() == null ? null
                : cipher.encrypt(Json.write(split.sensitive()), FieldContext.of(tenant, SENSITIVE_DATA, id));
        // The row is built from what was written (and the one value the database chose, created_at), not read back.
        Instant createdAt = sql.one("""
                insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at, received_on,
                    source, status, priority, eligible, assessment, form_code, form_version, data, sensitive_enc)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?)
                returning created_at""",
                Arrays.asList(tenant, id, contract.id(), caller.organisation(), command.personId(), receivedAt,
                        receivedOn, command.source(), assessment.priority().name(), assessment.eligible(),
                        assessmentJson, form.map(InstalledForm::code).orElse(null),
                        form.map(InstalledForm::version).orElse(null), plainJson, sensitive),
                rs -> Sql.instant(rs, "created_at")).orElseThrow();
        for (Map.Entry<UUID, String> entry : relationships.entrySet()) {
            sql.update("insert into referral_person (tenant_id, referral_id, person_id, relationship) values (?, ?, ?, ?)",
                    List.of(tenant, id, entry.getKey(), entry.getValue()));
        }
        ReferralRow row = new ReferralRow(id, contract.id(), caller.organisation(), command.personId(), receivedAt,
                receivedOn, command.source(), ReferralStatus.RECEIVED, assessment.priority(), assessment.eligible(),
                assessmentJson, form.map(InstalledForm::code).orElse(null),
                form.map(InstalledForm::version).orElse(null), plainJson, sensitive, null, null, null, null, null, null,
                null, createdAt);
        List<ClockCycle> started = clocks.start(tenant, row, module.clocks(), settings, nations.of(tenant));
        List<ReferralView.RelatedPerson> relatedViews = relationships.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .map(e -> new ReferralView.RelatedPerson(e.getKey(), e.getValue())).toList();
        return view(caller, row, assessment, submitted, relatedViews, List.of(),
                clocks.views(started, module.clocks(), LondonTime.today(clock)));
    }

    // ------------------------------------------------------------------ events

    @Transactional
    public ReferralView addEvent(UUID referralId, ReferralEventCommand command) {
        Caller caller = access.caller();
        ReferralRow referral = own(caller, referralId);
        InstalledPlugin module = moduleOf(referral);
        Instant at = command.occurredAt() == null ? clock.instant()
                : LondonTime.parse(command.occurredAt(), "occurredAt");
        validate(module, referral, command, at);
        record(caller, referral, module, command.type(), at, command.reason(), command.note(), command.outcome());
        return get(referralId);
    }

    /**
     * Records an event after checking it against the referral's history: events are replayed in the order they
     * happened, so one entered late must fit where it belongs. Used by plans and reviews too.
     */
    public void record(Caller caller, ReferralRow referral, InstalledPlugin module, ReferralEventType type, Instant at,
                       String reason, String note, ReferralEventCommand.Outcome outcome) {
        UUID tenant = caller.tenant();
        // One event at a time per referral: the replay below must see every earlier event.
        sql.one("select id from referral where tenant_id = ? and id = ? for update", List.of(tenant, referral.id()),
                rs -> rs.getObject(1));
        List<EventRow> events = new ArrayList<>(events(tenant, referral.id()));
        UUID id = Ids.newId();
        // Events at the same moment keep the order they were recorded in: created_at is written from the same clock
        // as this replay reads (not the database's now()), with the time-ordered id to part two in one microsecond.
        EventRow added = new EventRow(id, type, at, LondonTime.dateOf(at), reason, null, caller.actor(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        events.add(added);
        events.sort(Comparator.comparing(EventRow::occurredAt).thenComparing(EventRow::createdAt)
                .thenComparing(EventRow::id));
        ReferralStatus status;
        try {
            status = ReferralLifecycle.replay(events.stream().map(EventRow::type).toList());
        } catch (ReferralLifecycle.IllegalTransition e) {
            throw new ConflictException(e.getMessage() + " (status now " + referral.status() + ")");
        }
        sql.update("""
                insert into referral_event (tenant_id, id, referral_id, type, occurred_at, occurred_on, reason, note_enc,
                    outcome, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                Arrays.asList(tenant, id, referral.id(), type.name(), at, added.occurredOn(), reason,
                        cipher.encrypt(blankToNull(note), FieldContext.of(tenant, EVENT_NOTE, id)),
                        outcome == null ? null : Json.write(outcome), caller.actor(), added.createdAt()));
        EventRow end = events.stream().filter(e -> e.type() == ReferralEventType.DECLINED
                || e.type() == ReferralEventType.CLOSED).findFirst().orElse(null);
        sql.update("""
                update referral set status = ?, ended_on = ?, decline_reason = coalesce(?, decline_reason),
                    outcome = coalesce(?, outcome), outcome_reason = coalesce(?, outcome_reason),
                    destination = coalesce(?, destination), updated_at = now()
                where tenant_id = ? and id = ?""",
                Arrays.asList(status.name(), end == null ? null : end.occurredOn(),
                        type == ReferralEventType.DECLINED ? reason : null,
                        outcome == null ? null : outcome.result().name(), outcome == null ? null : outcome.reason(),
                        outcome == null ? null : outcome.destination(), tenant, referral.id()));
        ReferralRow updated = row(tenant, referral.id()).orElseThrow();
        clocks.recompute(tenant, updated, module.clocks(), events,
                JsonView.of(Json.toMap(contracts.visible(referral.contractId()).settings())), nations.of(tenant));
    }

    /** Recomputes a referral's clocks after something other than an event happened (a form submitted). */
    public void refreshClocks(Caller caller, ReferralRow referral) {
        InstalledPlugin module = moduleOf(referral);
        clocks.recompute(caller.tenant(), referral, module.clocks(), events(caller.tenant(), referral.id()),
                JsonView.of(Json.toMap(contracts.visible(referral.contractId()).settings())),
                nations.of(caller.tenant()));
    }

    private void validate(InstalledPlugin module, ReferralRow referral, ReferralEventCommand c, Instant at) {
        if (at.isBefore(referral.receivedAt())) {
            throw InvalidRequestException.of("occurredAt", "must not be before the referral was received");
        }
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw InvalidRequestException.of("occurredAt", "must not be in the future");
        }
        if (c.type() == ReferralEventType.DECLINED) {
            if (c.reason() == null || c.reason().isBlank()) {
                throw InvalidRequestException.of("reason", "is required to decline a referral");
            }
            requireCode(module, CodeLists.DECLINE_REASON, c.reason(), "reason");
        }
        if (c.type() == ReferralEventType.CLOSED) {
            if (c.outcome() == null) {
                throw InvalidRequestException.of("outcome", "is required to close a referral");
            }
            if (c.outcome().result() == ReferralEventCommand.Result.LEFT_BEFORE_GOALS_MET) {
                if (c.outcome().reason() == null) {
                    throw InvalidRequestException.of("outcome.reason", "is required when leaving before the goals"
                            + " are met");
                }
                requireCode(module, CodeLists.LEAVING_REASON, c.outcome().reason(), "outcome.reason");
            }
            if (c.outcome().result() == ReferralEventCommand.Result.MOVED_ON) {
                if (c.outcome().destination() == null) {
                    throw InvalidRequestException.of("outcome.destination", "is required when moving on");
                }
                requireCode(module, CodeLists.MOVING_ON_DESTINATION, c.outcome().destination(), "outcome.destination");
            }
        } else if (c.outcome() != null) {
            throw InvalidRequestException.of("outcome", "is given only when closing a referral");
        }
    }

    // ------------------------------------------------------------------ service level

    @Transactional
    public ReferralView setServiceLevel(UUID referralId, ServiceLevelCommand command) {
        Caller caller = access.caller();
        ReferralRow referral = own(caller, referralId);
        if (!referral.status().isOpen()) {
            throw new ConflictException("A referral that is " + referral.status() + " has no service level to set.");
        }
        InstalledPlugin module = moduleOf(referral);
        JsonView settings = JsonView.of(Json.toMap(contracts.visible(referral.contractId()).settings()));
        JsonView data = JsonView.of(Map.of("level", command.level(), "hoursPerWeek", command.hoursPerWeek()));
        guard.check(module, GuardedActions.SET_SERVICE_LEVEL, caller.tenant(), referral.personId(), data, settings);
        sql.update("update referral set service_level = ?, service_hours = ?, updated_at = now()"
                + " where tenant_id = ? and id = ?", List.of(command.level(), command.hoursPerWeek(), caller.tenant(),
                referralId));
        return get(referralId);
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    public ReferralView get(UUID id) {
        Caller caller = access.caller();
        ReferralRow r = own(caller, id);
        UUID tenant = caller.tenant();
        InstalledPlugin module = moduleOf(r);
        List<ReferralView.RelatedPerson> related = sql.list("select person_id, relationship from referral_person"
                        + " where tenant_id = ? and referral_id = ? order by person_id", List.of(tenant, id),
                rs -> new ReferralView.RelatedPerson(Sql.uuid(rs, "person_id"), rs.getString("relationship")));
        return view(caller, r, related, events(tenant, id),
                clocks.views(tenant, id, module.clocks(), LondonTime.today(clock)));
    }

    private ReferralView view(Caller caller, ReferralRow r, List<ReferralView.RelatedPerson> related,
                              List<EventRow> eventRows, List<ReferralView.Clock> clockViews) {
        UUID tenant = caller.tenant();
        Assessment assessment = Json.convert(Json.toMap(r.assessment()), Assessment.class);
        Map<String, Object> data = Json.toMap(r.data());
        if (r.sensitive() != null) {
            data.putAll(Json.toMap(cipher.decrypt(r.sensitive(), FieldContext.of(tenant, SENSITIVE_DATA, r.id()))));
        }
        return view(caller, r, assessment, data, related, eventRows, clockViews);
    }

    /** The answer for a referral whose assessment and form data (sensitive fields included) are already at hand. */
    private ReferralView view(Caller caller, ReferralRow r, Assessment assessment, Map<String, Object> data,
                              List<ReferralView.RelatedPerson> related, List<EventRow> eventRows,
                              List<ReferralView.Clock> clockViews) {
        UUID tenant = caller.tenant();
        List<ReferralView.Event> events = eventRows.stream()
                .sorted(Comparator.comparing(EventRow::occurredAt).thenComparing(EventRow::createdAt))
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
                data, r.declineReason(), closure, r.endedOn(), events, r.createdAt());
    }

    /** The referral if it belongs to the caller's organisation; otherwise it does not exist. */
    public ReferralRow own(Caller caller, UUID id) {
        return row(caller.tenant(), id).filter(r -> r.providerId().equals(caller.organisationId()))
                .orElseThrow(() -> new NotFoundException("Referral " + id));
    }

    public InstalledPlugin moduleOf(ReferralRow referral) {
        String moduleId = contracts.visible(referral.contractId()).moduleId();
        return plugins.find(moduleId).orElseThrow(() -> new NotFoundException("Module " + moduleId));
    }

    private Optional<ReferralRow> row(UUID tenant, UUID id) {
        return sql.one("select * from referral where tenant_id = ? and id = ?", List.of(tenant, id), ReferralRow::read);
    }

    List<EventRow> events(UUID tenant, UUID referral) {
        return sql.list("select * from referral_event where tenant_id = ? and referral_id = ?"
                + " order by occurred_at, created_at, id", List.of(tenant, referral), EventRow::read);
    }

    // ------------------------------------------------------------------ facts for rules

    /** What the rules may know of a person, who must be one of the caller's organisation's (else 400 on field). */
    private ReferralAssessor.Person personFacts(Caller caller, UUID person, String field) {
        return sql.one("select date_of_birth, postcode, equality from person"
                        + " where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.tenant(), person, caller.organisation()), rs -> new ReferralAssessor.Person(
                        Optional.ofNullable(rs.getObject(1, LocalDate.class)), Optional.ofNullable(rs.getString(2)),
                        JsonView.of(Json.toMap(rs.getString(3)))))
                .orElseThrow(() -> InvalidRequestException.of(field, "is not a person your organisation works with"));
    }

    /** How {@code other} is related to {@code subject}, read from the subject's side. */
    private String relationship(UUID tenant, UUID subject, UUID other) {
        return sql.one("""
                select case when person_id = ? then kind
                            else case kind when 'CARER_OF' then 'CARED_FOR_BY' when 'PARENT_OF' then 'CHILD_OF'
                                           else 'NEXT_OF_KIN_OF' end end
                from person_relationship
                where tenant_id = ? and ((person_id = ? and related_person_id = ?) or (person_id = ? and related_person_id = ?))
                order by created_at limit 1""", List.of(subject, tenant, subject, other, other, subject),
                rs -> rs.getString(1)).orElse(Relationships.UNKNOWN);
    }

    // ------------------------------------------------------------------ helpers

    static void requireCode(InstalledPlugin module, String list, String value, String field) {
        Optional<CodeList> codes = module.codeList(list);
        if (codes.isPresent() && !codes.get().contains(value)) {
            throw InvalidRequestException.of(field, "must be one of: " + String.join(", ",
                    codes.get().codes().stream().map(c -> c.code()).toList()));
        }
    }

    /** Splits form data into what may be stored as JSON and what a module marks sensitive (to be encrypted). */
    static Split split(Optional<InstalledForm> form, ObjectNode data) {
        if (form.isEmpty() || form.get().definition().sensitiveFields().isEmpty()) {
            return new Split(Json.toMap(data), null);
        }
        Map<String, Object> plain = Json.toMap(data);
        Map<String, Object> sensitive = new LinkedHashMap<>();
        for (String field : form.get().definition().sensitiveFields()) {
            if (plain.containsKey(field)) {
                sensitive.put(field, plain.remove(field));
            }
        }
        return new Split(plain, sensitive.isEmpty() ? null : sensitive);
    }

    record Split(Map<String, Object> plain, Map<String, Object> sensitive) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
