package org.carespec.plugin.api.rules;

import java.util.Objects;

/**
 * The answer of one eligibility rule: pass, fail with a reason the person can read, or pass with a flag
 * the practitioner must act on ("refer for a Carers Led Assessment").
 */
public record RuleVerdict(Outcome outcome, String reason) {

    public enum Outcome { PASS, FAIL, FLAG }

    public RuleVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != Outcome.PASS && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a failed or flagged rule must give a reason");
        }
    }

    public static RuleVerdict pass() {
        return new RuleVerdict(Outcome.PASS, null);
    }

    public static RuleVerdict fail(String reason) {
        return new RuleVerdict(Outcome.FAIL, reason);
    }

    public static RuleVerdict flag(String reason) {
        return new RuleVerdict(Outcome.FLAG, reason);
    }
}
