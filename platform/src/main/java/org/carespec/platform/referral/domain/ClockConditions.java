package org.carespec.platform.referral.domain;

import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.rules.Priority;

/** Whether a referral meets a clock's condition. Pure. */
public final class ClockConditions {

    private ClockConditions() {
    }

    /**
     * @param data the referral form's plain data (a sensitive field is encrypted and never matches a condition;
     *             the validator keeps conditions to plain fields)
     */
    public static boolean holds(ClockCondition condition, Priority priority, String source, JsonView data,
                                String part, boolean eligible) {
        if (condition instanceof ClockCondition.AllOf all) {
            return all.conditions().stream().allMatch(c -> holds(c, priority, source, data, part, eligible));
        }
        if (condition instanceof ClockCondition.AnyOf any) {
            return any.conditions().stream().anyMatch(c -> holds(c, priority, source, data, part, eligible));
        }
        if (condition instanceof ClockCondition.Eligible) {
            return eligible;
        }
        if (condition instanceof ClockCondition.PartIn p) {
            return p.parts().contains(part);
        }
        if (condition instanceof ClockCondition.PriorityIn p) {
            return p.priorities().contains(priority);
        }
        if (condition instanceof ClockCondition.SourceIn s) {
            return s.sources().contains(source);
        }
        ClockCondition.FieldEquals f = (ClockCondition.FieldEquals) condition;
        String text = data.string(f.pointer())
                .or(() -> data.bool(f.pointer()).map(String::valueOf))
                .or(() -> data.number(f.pointer()).map(java.math.BigDecimal::toPlainString))
                .orElse(null);
        return f.value().equals(text);
    }
}
