package org.carespec.platform.activity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.referral.service.ReferralCases;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.workforce.service.WorkerService;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.rules.GuardedActions;

/** Activities and contacts with people. Notes are encrypted at rest. */
@Singleton
public class ActivityService {

    /** The activity types every module has; a module may add its own in its activity-type list. */
    public static final Set<String> PLATFORM_TYPES = Set.of("PHONE", "VISIT", "MEETING", "BREAK", "SIGNPOSTING",
            "REFERRAL_OUT");
    static final String NOTES = "activity.notes";

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final ReferralCases referrals;
    private final WorkerService workers;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final ActionGuard guard;

    public ActivityService(Sql sql, CaseworkAccess access, PersonService people, ReferralCases referrals,
                           WorkerService workers, FieldCipher cipher, Idempotency idempotency, ActionGuard guard) {
        this.sql = sql;
        this.guard = guard;
        this.access = access;
        this.people = people;
        this.referrals = referrals;
        this.workers = workers;
        this.cipher = cipher;
        this.idempotency = idempotency;
    }

    @Transactional
    public ActivityView record(UUID contractId, ActivityCommand c, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "activity:" + contractId, c, () -> insert(caller, contract, c),
                this::get);
    }

    private UUID insert(Caller caller, CaseContract contract, ActivityCommand c) {
        boolean moduleType = contract.module().codeList(CodeLists.ACTIVITY_TYPE).map(l -> l.contains(c.type()))
                .orElse(false);
        if (!PLATFORM_TYPES.contains(c.type()) && !moduleType) {
            List<String> allowed = new ArrayList<>(PLATFORM_TYPES.stream().sorted().toList());
            contract.module().codeList(CodeLists.ACTIVITY_TYPE).ifPresent(l -> l.codes().forEach(x -> allowed.add(x.code())));
            throw InvalidRequestException.of("type", "must be one of: " + String.join(", ", allowed));
        }
        if (Set.of("SIGNPOSTING", "REFERRAL_OUT").contains(c.type()) && (c.agency() == null || c.agency().isBlank())) {
            throw InvalidRequestException.of("agency", "must name the agency for " + c.type());
        }
        people.requireOwn(caller, c.personId(), "personId");
        if (c.referralId() != null) {
            referrals.requireOf(c.referralId(), contract.id(), c.personId(), "referralId");
        }
        if (c.workerId() != null) {
            workers.checkAssignment(contract, c.workerId(), c.type(), c.occurredOn(), "workerId", c.personId());
        }
        checkActionRules(caller, contract, c);
        UUID id = Ids.newId();
        sql.update("""
                insert into activity (tenant_id, id, contract_id, provider_id, person_id, referral_id, type, occurred_on,
                    duration_minutes, worker_id, agency, notes_enc, data, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                Arrays.asList(caller.requireTenant(), id, contract.id(), caller.requireOrganisation(), c.personId(), c.referralId(),
                        c.type(), c.occurredOn(), c.durationMinutes(), c.workerId(), c.agency(),
                        cipher.encrypt(c.notes(), FieldContext.of(caller.requireTenant(), NOTES, id)),
                        Json.write(c.data() == null ? Map.of() : c.data()), caller.actor()));
        return id;
    }

    private void checkActionRules(Caller caller, CaseContract contract, ActivityCommand c) {
        JsonView data = JsonView.of(Json.toMap(Json.toTree(Map.of("type", c.type(),
                "data", c.data() == null ? Map.of() : c.data()))));
        JsonView settings = contract.contract().terms();
        guard.check(contract.module(), GuardedActions.RECORD_ACTIVITY, caller.requireTenant(), c.personId(), data,
                settings);
    }

    @Transactional
    public ActivityView get(UUID id) {
        Caller caller = access.caller();
        return sql.one("select * from activity where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs))
                .orElseThrow(() -> new NotFoundException("Activity " + id));
    }

    @Transactional
    public Page<ActivityView> list(UUID personId, UUID referralId, UUID contractId, LocalDate from, LocalDate to,
                                   PageRequest page) {
        Caller caller = access.caller();
        StringBuilder where = new StringBuilder(" where tenant_id = ? and provider_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant(), caller.requireOrganisation()));
        if (personId != null) {
            where.append(" and person_id = ?");
            parameters.add(personId);
        }
        if (referralId != null) {
            where.append(" and referral_id = ?");
            parameters.add(referralId);
        }
        if (contractId != null) {
            where.append(" and contract_id = ?");
            parameters.add(contractId);
        }
        if (from != null) {
            where.append(" and occurred_on >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" and occurred_on <= ?");
            parameters.add(to);
        }
        return sql.page("select count(*) from activity" + where, "select * from activity" + where
                + " order by occurred_on desc, created_at desc", parameters, page, rs -> view(caller, rs));
    }

    private ActivityView view(Caller caller, ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        return new ActivityView(id, Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "person_id"), Sql.uuid(rs, "referral_id"),
                rs.getString("type"), rs.getObject("occurred_on", LocalDate.class),
                (Integer) rs.getObject("duration_minutes"), Sql.uuid(rs, "worker_id"), rs.getString("agency"),
                cipher.decrypt(rs.getBytes("notes_enc"), FieldContext.of(caller.requireTenant(), NOTES, id)),
                Json.toMap(rs.getString("data")), rs.getString("recorded_by"), Sql.instant(rs, "created_at"));
    }
}
