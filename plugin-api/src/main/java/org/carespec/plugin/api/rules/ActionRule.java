package org.carespec.plugin.api.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.carespec.plugin.api.SpecReference;

/**
 * A check a specification imposes before an action is allowed. A refusal is answered with
 * 409 Conflict and the refusal text, e.g. "An enhanced service needs a completed Carers Led Assessment (002 §4.5)".
 */
public interface ActionRule {

    String code();

    SpecReference source();

    /** The action guarded, one of {@link GuardedActions}. */
    String action();

    /** Empty to allow, or the reason the action is refused. */
    Optional<String> refusal(ActionFacts facts);

    static ActionRule of(String code, SpecReference source, String action,
                         Function<ActionFacts, Optional<String>> rule) {
        Objects.requireNonNull(rule, "rule");
        return new ActionRule() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public SpecReference source() {
                return source;
            }

            @Override
            public String action() {
                return action;
            }

            @Override
            public Optional<String> refusal(ActionFacts facts) {
                return rule.apply(facts);
            }
        };
    }
}
