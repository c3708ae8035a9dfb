package org.carespec.module.carersoptions;

import java.math.BigDecimal;
import java.util.Optional;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.rules.RecordOnFile;

/**
 * The two levels of service, for a carer found eligible. BASIC: generally once a week, up to the contract's ceiling
 * (4 hours), at the provider's discretion (§4.4). ENHANCED: more than the ceiling, only where a completed formal Carers
 * Assessment (the CLA, recorded under this contract with the {@code cla-outcome} record) identified it, and no more
 * hours than it identified (§4.5).
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
        if (!BASIC.equals(level) && !ENHANCED.equals(level)) {
            return Optional.of("The service level must be BASIC or ENHANCED (002 §4.4, §4.5).");
        }
        // §4.4: "for all eligible people"; a referral not (yet) found eligible has no service level to set
        if (facts.referral().filter(r -> !r.eligible()).isPresent()) {
            return Optional.of("A service level is set only for a carer found eligible (002 §4.4): this referral's"
                    + " eligibility check did not pass.");
        }
        BigDecimal hours = facts.data().number("/hoursPerWeek").orElse(BigDecimal.ZERO);
        BigDecimal ceiling = facts.settings().number("/basicServiceHoursPerWeek").orElse(BigDecimal.valueOf(4));
        String ceilingText = ceiling.stripTrailingZeros().toPlainString();
        if (BASIC.equals(level)) {
            return hours.compareTo(ceiling) > 0
                    ? Optional.of("A basic service is at most " + ceilingText
                    + " hours a week (002 §4.4); more than that is an enhanced service.")
                    : Optional.empty();
        }
        if (hours.compareTo(ceiling) <= 0) {
            return Optional.of("An enhanced service is more than " + ceilingText + " hours a week (002 §4.5); "
                    + hours.stripTrailingZeros().toPlainString() + " hours is a basic service.");
        }
        Optional<RecordOnFile> assessed = facts.recordsOnFile(CarersOptionsForms.CLA_OUTCOME).stream()
                .filter(f -> f.data().isTrue("/complete") && f.data().isTrue("/enhancedSupportIdentified"))
                .findFirst();
        if (assessed.isEmpty()) {
            return Optional.of("An enhanced service (more than " + ceilingText + " hours a week) needs a completed"
                    + " Carers Led Assessment on record under this contract that identifies the need (002 §4.5):"
                    + " record its outcome with the cla-outcome record first.");
        }
        Optional<BigDecimal> identified = assessed.get().data().number("/hoursPerWeekIdentified");
        if (identified.isPresent() && hours.compareTo(identified.get()) > 0) {
            return Optional.of("The Carers Led Assessment identified " + identified.get().stripTrailingZeros()
                    .toPlainString() + " hours a week (002 §4.5); an enhanced service may not give more.");
        }
        return Optional.empty();
    }
}
