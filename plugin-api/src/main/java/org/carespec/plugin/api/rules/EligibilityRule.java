package org.carespec.plugin.api.rules;

import java.util.Objects;
import java.util.function.Function;
import org.carespec.plugin.api.SpecReference;

/** One eligibility criterion of a specification, with the section it comes from. */
public interface EligibilityRule {

    /** Unique within the plugin: {@code carer-aged-18-or-over}. */
    String code();

    SpecReference source();

    RuleVerdict evaluate(ReferralFacts referral);

    static EligibilityRule of(String code, SpecReference source, Function<ReferralFacts, RuleVerdict> rule) {
        Objects.requireNonNull(rule, "rule");
        return new EligibilityRule() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public SpecReference source() {
                return source;
            }

            @Override
            public RuleVerdict evaluate(ReferralFacts referral) {
                return rule.apply(referral);
            }
        };
    }
}
