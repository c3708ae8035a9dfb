package org.carespec.platform.referral.repository;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.platform.json.Json;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.PersonFacts;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.Relationships;

/** The SQL of referrals: the referral row, the people named on it, its events, and the facts its rules read. */
@Singleton
public class ReferralRepository {

    private final Sql sql;

    public ReferralRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<ReferralRow> find(UUID tenant, UUID id) {
        return sql.one("select * from referral where tenant_id = ? and id = ?", List.of(tenant, id), ReferralRow::read);
    }

    /**
     * The referral, locked until the transaction ends so that events are recorded one at a time: each replay sees
     * every earlier event.
     */
    public Optional<ReferralRow> lock(UUID tenant, UUID id) {
        return sql.one("select * from referral where tenant_id = ? and id = ? for update", List.of(tenant, id),
                ReferralRow::read);
    }

    /** Writes a new referral and returns the one value the database chose, its {@code created_at}. */
    public Instant insert(UUID tenant, ReferralRow r) {
        return sql.one("""
                insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at, received_on,
                    source, status, priority, eligible, assessment, form_code, form_version, data, sensitive_enc)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?)
                returning created_at""",
                Arrays.asList(tenant, r.id(), r.contractId(), r.providerId(), r.personId(), r.receivedAt(),
                        r.receivedOn(), r.source(), r.status().name(), r.priority().name(), r.eligible(), r.assessment(),
                        r.formCode(), r.formVersion(), r.data(), r.sensitive()),
                rs -> Sql.instant(rs, "created_at")).orElseThrow();
    }

    public void insertRelated(UUID tenant, UUID referral, Map<UUID, String> relationships) {
        for (Map.Entry<UUID, String> entry : relationships.entrySet()) {
            sql.update("insert into referral_person (tenant_id, referral_id, person_id, relationship) values (?, ?, ?, ?)",
                    List.of(tenant, referral, entry.getKey(), entry.getValue()));
        }
    }

    /** The people named on a referral, with how each is related to the referral's person. */
    public List<Map.Entry<UUID, String>> related(UUID tenant, UUID referral) {
        return sql.list("select person_id, relationship from referral_person where tenant_id = ? and referral_id = ?"
                + " order by person_id", List.of(tenant, referral),
                rs -> Map.entry(Sql.uuid(rs, "person_id"), rs.getString("relationship")));
    }

    /** The referral's events in the order they happened (and were recorded, for events at the same moment). */
    public List<EventRow> events(UUID tenant, UUID referral) {
        return sql.list("select * from referral_event where tenant_id = ? and referral_id = ?"
                + " order by occurred_at, created_at, id", List.of(tenant, referral), EventRow::read);
    }

    /** @param outcome the closure as JSON, or {@code null} */
    public void insertEvent(UUID tenant, UUID referral, EventRow e, String outcome) {
        sql.update("""
                insert into referral_event (tenant_id, id, referral_id, type, occurred_at, occurred_on, reason, note_enc,
                    outcome, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                Arrays.asList(tenant, e.id(), referral, e.type().name(), e.occurredAt(), e.occurredOn(), e.reason(),
                        e.note(), outcome, e.recordedBy(), e.createdAt()));
    }

    /**
     * Sets the status its events replay to, and what its ending says; returns the referral as it now stands.
     * {@code null} arguments other than the status and end leave the stored value as it is.
     */
    public ReferralRow updateStatus(UUID tenant, UUID referral, ReferralStatus status, LocalDate endedOn,
                                    LocalDate inServiceOn, String declineReason, String outcome, String outcomeReason,
                                    String destination) {
        return sql.one("""
                update referral set status = ?, ended_on = ?, in_service_on = ?,
                    decline_reason = coalesce(?, decline_reason),
                    outcome = coalesce(?, outcome), outcome_reason = coalesce(?, outcome_reason),
                    destination = coalesce(?, destination), updated_at = now()
                where tenant_id = ? and id = ? returning *""",
                Arrays.asList(status.name(), endedOn, inServiceOn, declineReason, outcome, outcomeReason, destination,
                        tenant, referral), ReferralRow::read).orElseThrow();
    }

    /** A module's own event of the referral, as stored (the note encrypted). */
    public record ModuleEventRow(UUID id, String code, Instant occurredAt, byte[] note, String recordedBy) {
    }

    public void insertModuleEvent(UUID tenant, UUID referral, UUID id, String code, Instant at, LocalDate on,
                                  byte[] note, String actor) {
        sql.update("""
                insert into referral_module_event (tenant_id, id, referral_id, code, occurred_at, occurred_on, note_enc,
                    recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                Arrays.asList(tenant, id, referral, code, at, on, note, actor));
    }

    /** The module's own events of the referral, in the order they happened. */
    public List<ModuleEventRow> moduleEvents(UUID tenant, UUID referral) {
        return sql.list("select * from referral_module_event where tenant_id = ? and referral_id = ?"
                        + " order by occurred_at, created_at, id", List.of(tenant, referral),
                rs -> new ModuleEventRow(Sql.uuid(rs, "id"), rs.getString("code"), Sql.instant(rs, "occurred_at"),
                        rs.getBytes("note_enc"), rs.getString("recorded_by")));
    }

    /** The referral's form data and its latest verdict, after an amendment. */
    public ReferralRow updateAssessment(UUID tenant, UUID referral, String formCode, Integer formVersion, String data,
                                        byte[] sensitive, boolean eligible, Priority priority, String assessment) {
        return sql.one("""
                update referral set form_code = ?, form_version = ?, data = cast(? as jsonb), sensitive_enc = ?,
                    eligible = ?, priority = ?, assessment = cast(? as jsonb), updated_at = now()
                where tenant_id = ? and id = ? returning *""",
                Arrays.asList(formCode, formVersion, data, sensitive, eligible, priority.name(), assessment, tenant,
                        referral), ReferralRow::read).orElseThrow();
    }

    /** Keeps a verdict with its author and reason, numbered after the referral's earlier ones. */
    public void insertAssessment(UUID tenant, UUID referral, String actor, String reason, boolean eligible,
                                 Priority priority, String assessment) {
        sql.update("""
                insert into referral_assessment (tenant_id, referral_id, seq, assessed_by, reason, eligible, priority,
                    assessment)
                values (?, ?, (select coalesce(max(seq), 0) + 1 from referral_assessment
                               where tenant_id = ? and referral_id = ?), ?, ?, ?, ?, cast(? as jsonb))""",
                Arrays.asList(tenant, referral, tenant, referral, actor, reason, eligible, priority.name(), assessment));
    }

    /** Every verdict of a referral, the first one first. */
    public <T> java.util.List<T> assessments(UUID tenant, UUID referral, Sql.RowMapper<T> mapper) {
        return sql.list("select * from referral_assessment where tenant_id = ? and referral_id = ? order by seq",
                java.util.List.of(tenant, referral), mapper);
    }

    public ReferralRow updateServiceLevel(UUID tenant, UUID referral, String level, BigDecimal hoursPerWeek) {
        return sql.one("update referral set service_level = ?, service_hours = ?, updated_at = now()"
                + " where tenant_id = ? and id = ? returning *", Arrays.asList(level, hoursPerWeek, tenant, referral),
                ReferralRow::read).orElseThrow();
    }

    /**
     * What a rule may know of a person of this provider: date of birth, postcode, equality answers, GP practice and
     * confirmed local authority.
     */
    public Optional<PersonFactsRow> personFacts(UUID tenant, UUID provider, UUID person) {
        return sql.one("select date_of_birth, postcode, equality, gp_practice, local_authority_code from person"
                        + " where tenant_id = ? and id = ? and provider_id = ?", List.of(tenant, person, provider),
                rs -> new PersonFactsRow(Optional.ofNullable(rs.getObject(1, LocalDate.class)),
                        Optional.ofNullable(rs.getString(2)), JsonView.of(Json.toMap(rs.getString(3))),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5))));
    }

    /** How {@code other} is related to {@code subject}, read from the subject's side. */
    public String relationship(UUID tenant, UUID subject, UUID other) {
        return sql.one("""
                select case when person_id = ? then kind
                            else case kind when 'CARER_OF' then 'CARED_FOR_BY' when 'PARENT_OF' then 'CHILD_OF'
                                           else 'NEXT_OF_KIN_OF' end end
                from person_relationship
                where tenant_id = ? and ((person_id = ? and related_person_id = ?) or (person_id = ? and related_person_id = ?))
                order by created_at limit 1""", List.of(subject, tenant, subject, other, other, subject),
                rs -> rs.getString(1)).orElse(Relationships.UNKNOWN);
    }

    /** A person's facts as stored, as the module's rules read them. */
    public record PersonFactsRow(Optional<LocalDate> dateOfBirth, Optional<String> postcode, JsonView equality,
                                 Optional<String> gpPractice, Optional<String> localAuthority)
            implements PersonFacts {
    }
}
