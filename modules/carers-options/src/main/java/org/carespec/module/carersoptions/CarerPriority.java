package org.carespec.module.carersoptions;

import java.util.List;
import java.util.Optional;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.rules.PriorityVerdict;

/** §4.14: priority for referrals where the caring situation may break down, or where work is at stake. */
final class CarerPriority {

    static final List<PriorityRule> ALL = List.of(
            PriorityRule.of("caring-may-break-down", Sections.PRIORITY, f -> f.data().isTrue("/caringAtRiskOfBreakdown")
                    ? Optional.of(new PriorityVerdict(Priority.HIGH, "The caring situation is in danger of breaking"
                    + " down without support for the carer (002 §4.14)."))
                    : Optional.empty()),
            PriorityRule.of("carer-employment", Sections.PRIORITY, f -> f.data().isTrue("/supportsEmployment")
                    ? Optional.of(new PriorityVerdict(Priority.HIGH, "The service would enable the carer to remain in"
                    + " or return to employment (002 §4.14)."))
                    : Optional.empty()));

    private CarerPriority() {
    }
}
