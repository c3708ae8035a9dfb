package org.carespec.platform.referral.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PersonFacts;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.rules.PriorityVerdict;
import org.carespec.plugin.api.rules.ReferralFacts;
import org.carespec.plugin.api.rules.RelatedPersonFacts;
import org.carespec.plugin.api.rules.RuleVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a module's eligibility and priority rules over the facts of a new referral. */
@Singleton
public class ReferralAssessor {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralAssessor.class);

    public Assessment assess(InstalledPlugin module, ReferralFacts facts) {
        List<Finding> reasons = new ArrayList<>();
        List<Finding> flags = new ArrayList<>();
        for (EligibilityRule rule : module.eligibilityRules()) {
            RuleVerdict verdict;
            try {
                verdict = rule.evaluate(facts);
            } catch (RuntimeException e) {
                LOG.error("Eligibility rule {} of module {} failed", rule.code(), module.id(), e);
                flags.add(new Finding(rule.code(), String.valueOf(rule.source()),
                        "This rule could not be checked automatically; check it by hand."));
                continue;
            }
            if (verdict == null || verdict.outcome() == RuleVerdict.Outcome.PASS) {
                continue;
            }
            Finding finding = new Finding(rule.code(), String.valueOf(rule.source()), verdict.reason());
            (verdict.outcome() == RuleVerdict.Outcome.FAIL ? reasons : flags).add(finding);
        }
        Priority priority = Priority.ROUTINE;
        List<Finding> grounds = new ArrayList<>();
        for (PriorityRule rule : module.priorityRules()) {
            Optional<PriorityVerdict> verdict;
            try {
                verdict = rule.evaluate(facts);
            } catch (RuntimeException e) {
                LOG.error("Priority rule {} of module {} failed", rule.code(), module.id(), e);
                continue;
            }
            if (verdict != null && verdict.isPresent()) {
                grounds.add(new Finding(rule.code(), String.valueOf(rule.source()), verdict.get().reason()));
                if (verdict.get().priority().compareTo(priority) > 0) {
                    priority = verdict.get().priority();
                }
            }
        }
        return new Assessment(reasons.isEmpty(), List.copyOf(reasons), List.copyOf(flags), priority, List.copyOf(grounds));
    }

    /** The facts rules see, as plain values. */
    record Facts(LocalDate referralDate, String source, JsonView data, PersonFacts person,
                 List<RelatedPersonFacts> relatedPersons, JsonView settings, String specificationPart)
            implements ReferralFacts {
    }

    record Related(String relationship, Optional<LocalDate> dateOfBirth, Optional<String> postcode, JsonView equality,
                   Optional<String> gpPractice, Optional<String> localAuthority) implements RelatedPersonFacts {

        static Related of(String relationship, PersonFacts facts) {
            return new Related(relationship, facts.dateOfBirth(), facts.postcode(), facts.equality(),
                    facts.gpPractice(), facts.localAuthority());
        }
    }
}
