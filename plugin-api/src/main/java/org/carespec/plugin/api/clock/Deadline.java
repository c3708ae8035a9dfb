package org.carespec.plugin.api.clock;

import java.util.Objects;

/**
 * A deadline: N units after a start.
 *
 * @param amount  N, at least 1
 * @param unit    how N counts
 * @param setting optional JSON Pointer into the contract settings where a commissioner may vary N
 *                ({@code "/clocks/firstContactWorkingDays"}); {@code amount} is the default
 * @param perCase optional field of a record made for the referral that may set a shorter N for that case (a plan's
 *                own review interval); {@code null} when every case has the same deadline
 */
public record Deadline(int amount, DeadlineUnit unit, String setting, PerCase perCase) {

    public Deadline {
        Objects.requireNonNull(unit, "unit");
    }

    public Deadline(int amount, DeadlineUnit unit, String setting) {
        this(amount, unit, setting, null);
    }

    /**
     * Where a case sets its own, sooner deadline: a whole number, in the deadline's unit, at a JSON Pointer of the
     * latest record of a type made for the referral on or before the day the clock's cycle started (002 §4.12:
     * "reviewed every six months, or more frequently" where the plan says so). The sooner of the two wins; a case
     * that asks for a later one keeps the contract's deadline, and a record without the field changes nothing.
     */
    public record PerCase(String recordType, String pointer) {

        /**
         * Not a module's record type: the referral's agreed plan (the platform's plans API), whose own review interval
         * in months is at {@link #PLAN_REVIEW_MONTHS}. A module may not declare a record type of this code.
         */
        public static final String PLAN = "plan";
        /** The plan's review interval in months. */
        public static final String PLAN_REVIEW_MONTHS = "/reviewMonths";

        public PerCase {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    public static Deadline workingDays(int amount) {
        return new Deadline(amount, DeadlineUnit.WORKING_DAYS, null);
    }

    public static Deadline calendarDays(int amount) {
        return new Deadline(amount, DeadlineUnit.CALENDAR_DAYS, null);
    }

    public static Deadline weeks(int amount) {
        return new Deadline(amount, DeadlineUnit.WEEKS, null);
    }

    public static Deadline months(int amount) {
        return new Deadline(amount, DeadlineUnit.MONTHS, null);
    }

    /** The same deadline, variable per contract at the given settings pointer. */
    public Deadline variableAt(String settingsPointer) {
        return new Deadline(amount, unit, settingsPointer, perCase);
    }

    /**
     * The same deadline, or sooner where the referral's agreed plan is to be reviewed more often (its own review
     * interval, in months: use with a deadline in months, started by the plan's agreement or review).
     */
    public Deadline orSoonerPerPlan() {
        return orSoonerPerCase(PerCase.PLAN, PerCase.PLAN_REVIEW_MONTHS);
    }

    /** The same deadline, or sooner where the case's record of {@code recordType} says so at {@code pointer}. */
    public Deadline orSoonerPerCase(String recordType, String pointer) {
        return new Deadline(amount, unit, setting, new PerCase(recordType, pointer));
    }
}
