package org.carespec.module.carersoptions;

import java.math.BigDecimal;
import java.util.Optional;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.GuardedActions;

/**
 * The two levels of service. BASIC: generally once a week, up to the contract's ceiling (4 hours), at the
 * provider's discretion (§4.4). ENHANCED: more than that, only where a completed formal Carers Assessment (the
 * CLA, recorded with the {@code cla-outcome} form) identified it (§4.5).
 */
final class ServiceLevels {

    static final String BASIC = "BASIC";
    static final String ENHANCED = "ENHANCED";

    static final ActionRule RULE = ActionRule.of("service-level", Sections.ENHANCED_SERVICE,
            GuardedActions.SET_SERVICE_LEVEL, ServiceLevels::refusal);

    private ServiceLevels() {
    }

    static Optional<String> refusal(ActionFacts facts) {
        String level = facts.data().string("/level").orElse("");
        BigDecimal hours = facts.data().number("/hoursPerWeek").orElse(BigDecimal.ZERO);
        BigDecimal ceiling = facts.settings().number("/basicServiceHoursPerWeek").orElse(BigDecimal.valueOf(4));
        if (BASIC.equals(level)) {
            return hours.compareTo(ceiling) > 0
                    ? Optional.of("A basic service is at most " + ceiling.stripTrailingZeros().toPlainString()
                    + " hours a week (002 §4.4); more than that is an enhanced service.")
                    : Optional.empty();
        }
        if (ENHANCED.equals(level)) {
            boolean assessed = facts.recordsOnFile(CarersOptionsForms.CLA_OUTCOME).stream()
                    .anyMatch(f -> f.data().isTrue("/complete") && f.data().isTrue("/enhancedSupportIdentified"));
            return assessed ? Optional.empty()
                    : Optional.of("An enhanced service (more than " + ceiling.stripTrailingZeros().toPlainString()
                    + " hours a week) needs a completed Carers Led Assessment on record that identifies the need"
                    + " (002 §4.5): record its outcome with the cla-outcome form first.");
        }
        return Optional.of("The service level must be BASIC or ENHANCED (002 §4.4, §4.5).");
    }
}
