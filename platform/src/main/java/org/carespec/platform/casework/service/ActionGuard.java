package org.carespec.platform.casework.service;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.SubmittedForm;

/**
 * Runs a module's action rules before the platform does something they guard (setting a service level, recording
 * an activity): the first refusal stops the action with 409 and the module's reason. The rules see the action's
 * data, the contract's settings, and the person's forms on record, newest first.
 */
@Singleton
public class ActionGuard {

    private final Sql sql;

    public ActionGuard(Sql sql) {
        this.sql = sql;
    }

    /** Refuses with 409 if a rule of {@code module} for {@code action} refuses it for this person. */
    public void check(InstalledPlugin module, String action, UUID tenant, UUID person, JsonView data,
                      JsonView settings) {
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
            public List<SubmittedForm> formsOnRecord(String formCode) {
                return sql.list("""
                        select form_code, form_version, created_at, data from form_submission
                        where tenant_id = ? and person_id = ? and form_code = ?
                        order by submitted_on desc, created_at desc""",
                        List.of(tenant, person, formCode),
                        rs -> new SubmittedForm(rs.getString(1), rs.getInt(2), Sql.instant(rs, "created_at"),
                                JsonView.of(Json.toMap(rs.getString(4)))));
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
