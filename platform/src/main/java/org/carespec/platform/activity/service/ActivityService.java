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
import java.util.function.BiPredicate;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.codelist.service.ContractCodes;
import org.carespec.platform.codelist.service.ModuleCodes;
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
    private final ContractCodes codes;

    public ActivityService(Sql sql, CaseworkAccess access, PersonService people, ReferralCases referrals,
                           WorkerService workers, FieldCipher cipher, Idempotency idempotency, ActionGuard guard,
                           ContractCodes codes) {
        this.sql = sql;
        this.guard = guard;
        this.codes = codes;
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
        checkCodes(caller, contract, c);
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

    /**
     * Where the module declares the lists, a break names its kind and an agency is one code, from the module's list
     * or the contract's own entries: a count by type or a count of distinct agencies is then true (002 §3.3, §5.4).
     */
    private void checkCodes(Caller caller, CaseContract contract, ActivityCommand c) {
        boolean breakTypes = "BREAK".equals(c.type()) && contract.module().codeList(CodeLists.BREAK_TYPE).isPresent();
        boolean agencies = c.agency() != null && contract.module().codeList(CodeLists.AGENCY).isPresent();
        if (!breakTypes && !agencies) {
            return;
        }
        BiPredicate<String, String> accepted = codes.checker(caller.requireTenant(), contract.id(), contract.module());
        if (breakTypes) {
            Object kind = c.data() == null ? null : c.data().get("breakType");
            if (!(kind instanceof String text) || text.isBlank()) {
                throw InvalidRequestException.of("data.breakType", "is required for a BREAK: the kind of break");
            }
            ModuleCodes.require(contract.module(), accepted, CodeLists.BREAK_TYPE, text, "data.breakType");
        }
        if (agencies) {
            ModuleCodes.require(contract.module(), accepted, CodeLists.AGENCY, c.agency(), "agency");
        }
    }

    private void checkActionRules(Caller caller, CaseContract contract, ActivityCommand c) {
        Map<String, Object> asked = new java.util.LinkedHashMap<>();
        asked.put("type", c.type());
        asked.put("occurredOn", c.occurredOn().toString());
        if (c.durationMinutes() != null) {
            asked.put("durationMinutes", c.durationMinutes());
        }
        if (c.workerId() != null) {
            asked.put("workerId", c.workerId().toString());
        }
        if (c.agency() != null) {
            asked.put("agency", c.agency());
        }
        if (c.referralId() != null) {
            asked.put("referralId", c.referralId().toString());
        }
        asked.put("data", c.data() == null ? Map.of() : c.data());
        JsonView data = JsonView.of(Json.toMap(Json.toTree(asked)));
        guard.check(contract, GuardedActions.RECORD_ACTIVITY, caller.requireTenant(), c.personId(), data);
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
