package org.carespec.plugin.api.clock;

import java.util.Objects;

/**
 * A deadline: N units after a start.
 *
 * @param amount  N, at least 1
 * @param unit    how N counts
 * @param setting optional JSON Pointer into the contract settings where a commissioner may vary N
 *                ({@code "/clocks/firstContactWorkingDays"}); {@code amount} is the default
 */
public record Deadline(int amount, DeadlineUnit unit, String setting) {

    public Deadline {
        Objects.requireNonNull(unit, "unit");
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
        return new Deadline(amount, unit, settingsPointer);
    }
}
