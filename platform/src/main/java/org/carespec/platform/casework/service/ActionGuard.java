package org.carespec.platform.casework.service;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.RecordOnFile;
import org.carespec.plugin.api.rules.ReferralSnapshot;

/**
 * Runs a module's action rules before the platform does something they guard (setting a service level, recording
 * an activity): the first refusal stops the action with 409 and the module's reason. The rules see the action's
 * data, the contract's settings, and the person's records on file under the contract, newest first.
 */
@Singleton
public class ActionGuard {

    private final Sql sql;

    public ActionGuard(Sql sql) {
        this.sql = sql;
    }

    /**
     * Refuses with 409 if a rule of the contract's module for {@code action} refuses it for this person (or none).
     * The rules see the contract's settings and the person's records under this contract only: another contract's
     * records, even of the same module and tenant, are another provider's case work.
     */
    public void check(CaseContract contract, String action, UUID tenant, UUID person, JsonView data) {
        check(contract, action, tenant, person, data, null);
    }

    /**
     * The same, for an action on a referral, which the rules may read; the snapshot is only built when a rule of the
     * module guards the action (the busy paths pay nothing otherwise).
     */
    public void check(CaseContract contract, String action, UUID tenant, UUID person, JsonView data,
                      java.util.function.Supplier<ReferralSnapshot> referral) {
        InstalledPlugin module = contract.module();
        JsonView settings = contract.contract().terms();
        if (module.actionRules().stream().noneMatch(r -> action.equals(r.action()))) {
            return;
        }
        ActionFacts facts = new ActionFacts() {
            @Override
            public String action() {
                return action;
            }

            @Override
            public JsonView data() {
                return data;
            }

            @Override
            public JsonView settings() {
                return settings;
            }

            @Override
            public Optional<ReferralSnapshot> referral() {
                return referral == null ? Optional.empty() : Optional.ofNullable(referral.get());
            }

            @Override
            public List<RecordOnFile> recordsOnFile(String typeCode) {
                if (person == null) {
                    return List.of();
                }
                // plain data only: a rule is never given the fields a module marks sensitive
                return sql.list("""
                        select type_code, type_version, status, recorded_on, created_at, data from record
                        where tenant_id = ? and contract_id = ? and person_id = ? and type_code = ?
                        order by recorded_on desc, created_at desc""",
                        List.of(tenant, contract.id(), person, typeCode),
                        rs -> new RecordOnFile(rs.getString(1), rs.getInt(2), rs.getString(3),
                                rs.getObject(4, java.time.LocalDate.class), Sql.instant(rs, "created_at"),
                                JsonView.of(Json.toMap(rs.getString(6)))));
            }
        };
        for (ActionRule rule : module.actionRules()) {
            if (action.equals(rule.action())) {
                Optional<String> refusal = rule.refusal(facts);
                if (refusal != null && refusal.isPresent()) {
                    throw new ConflictException(refusal.get());
                }
            }
        }
    }
}
