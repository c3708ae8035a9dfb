package org.carespec.plugin.api.clock;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.carespec.plugin.api.rules.Priority;

/**
 * When a clock applies to a referral, e.g. "urgent referrals are contacted within 2 working days". Evaluated each
 * time the referral's clocks are computed, so a priority raised later (a crisis) brings its clock in.
 */
public sealed interface ClockCondition {

    /** The referral's priority is one of these. */
    record PriorityIn(Set<Priority> priorities) implements ClockCondition {
        public PriorityIn {
            priorities = Set.copyOf(priorities);
        }
    }

    /** The referral came from one of these sources (codes of the referral-source list). */
    record SourceIn(Set<String> sources) implements ClockCondition {
        public SourceIn {
            sources = Set.copyOf(sources);
        }
    }

    /** A field of the referral's form data, at a JSON Pointer, holds this value (compared as text). */
    record FieldEquals(String pointer, String value) implements ClockCondition {
        public FieldEquals {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The referral's contract commissions one of these specification parts. */
    record PartIn(Set<String> parts) implements ClockCondition {
        public PartIn {
            parts = Set.copyOf(parts);
        }
    }

    /**
     * The referral's latest eligibility verdict is eligible: a module's declared choice that an ineligible referral
     * has no such clock (and so no place in the response-time lines) until its form is amended and it passes, rather
     * than keeping the clock until someone declines it.
     */
    record Eligible() implements ClockCondition {
    }

    /** Every one of the conditions holds (001: an urgent referral from a GP). */
    record AllOf(List<ClockCondition> conditions) implements ClockCondition {
        public AllOf {
            conditions = List.copyOf(conditions);
            if (conditions.size() < 2) {
                throw new IllegalArgumentException("allOf needs at least two conditions");
            }
        }
    }

    /** At least one of the conditions holds (a crisis, or a referral from the mental health team). */
    record AnyOf(List<ClockCondition> conditions) implements ClockCondition {
        public AnyOf {
            conditions = List.copyOf(conditions);
            if (conditions.size() < 2) {
                throw new IllegalArgumentException("anyOf needs at least two conditions");
            }
        }
    }

    static ClockCondition allOf(ClockCondition... conditions) {
        return new AllOf(List.of(conditions));
    }

    static ClockCondition anyOf(ClockCondition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    /** This condition and every condition inside it, for whoever checks what they name. */
    default Stream<ClockCondition> leaves() {
        if (this instanceof AllOf all) {
            return all.conditions().stream().flatMap(ClockCondition::leaves);
        }
        if (this instanceof AnyOf any) {
            return any.conditions().stream().flatMap(ClockCondition::leaves);
        }
        return Stream.of(this);
    }

    static ClockCondition eligible() {
        return new Eligible();
    }

    static ClockCondition partIn(String... parts) {
        return new PartIn(Set.of(parts));
    }

    static ClockCondition priorityIn(Priority... priorities) {
        return new PriorityIn(Set.of(priorities));
    }

    static ClockCondition sourceIn(String... sources) {
        return new SourceIn(Set.of(sources));
    }

    static ClockCondition fieldEquals(String pointer, String value) {
        return new FieldEquals(pointer, value);
    }
}
