package org.carespec.module.carersoptions;

import java.util.Optional;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.GuardedActions;

/**
 * §4.17: a break may be given by a volunteer only with up-to-date in-house training, which the platform checks
 * against the worker the break names. A break that names nobody would step round that check, so every break names who
 * gave it (staff or volunteer). Its kind is a break type the platform enforces from the module's list (§3.3).
 */
final class CarersOptionsActivities {

    static final ActionRule BREAK_NAMES_ITS_WORKER = ActionRule.of("break-names-its-worker", Sections.VOLUNTEERS,
            GuardedActions.RECORD_ACTIVITY, CarersOptionsActivities::refusal);

    private CarersOptionsActivities() {
    }

    static Optional<String> refusal(ActionFacts facts) {
        if ("BREAK".equals(facts.data().string("/type").orElse(""))
                && facts.data().string("/workerId").isEmpty()) {
            return Optional.of("A break must name the worker who gave it (workerId), staff or volunteer: a volunteer"
                    + " needs up-to-date in-house training to support a break (002 §4.17).");
        }
        return Optional.empty();
    }
}
