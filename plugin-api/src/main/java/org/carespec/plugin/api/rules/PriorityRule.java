package org.carespec.plugin.api.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.carespec.plugin.api.SpecReference;

/** A ground for priority named by a specification. The highest priority any rule gives wins; the default is ROUTINE. */
public interface PriorityRule {

    String code();

    SpecReference source();

    Optional<PriorityVerdict> evaluate(ReferralFacts referral);

    static PriorityRule of(String code, SpecReference source,
                           Function<ReferralFacts, Optional<PriorityVerdict>> rule) {
        Objects.requireNonNull(rule, "rule");
        return new PriorityRule() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public SpecReference source() {
                return source;
            }

            @Override
            public Optional<PriorityVerdict> evaluate(ReferralFacts referral) {
                return rule.apply(referral);
            }
        };
    }
}
