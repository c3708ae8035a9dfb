package org.carespec.platform.returns.domain;

import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * When a return is due and whether it is on time. By default a quarterly return is due 10 working days after the
 * quarter ends (002 §5.3), counted on the tenant's working-day calendar: the first working day after the quarter's
 * last day is day 1. A contract may set another number of days.
 */
public final class ReturnDeadline {

    /** 002 §5.3: "within 10 working days of the end of each quarter". */
    public static final int DEFAULT_WORKING_DAYS = 10;

    /** How a return stands against its due date. */
    public enum Timeliness {
        /** Not yet due, or submitted by the due date. */
        ON_TIME,
        /** Due today and not submitted. */
        DUE,
        /** Past its due date and not submitted. */
        OVERDUE,
        /** Submitted after its due date. */
        SUBMITTED_LATE
    }

    private ReturnDeadline() {
    }

    /** The contract setting that changes when its returns are due. */
    public static final String SETTING = "/returnDueWorkingDays";

    /** How many working days a contract allows: its setting when usable, else {@link #DEFAULT_WORKING_DAYS}. */
    public static int workingDaysOf(org.carespec.plugin.api.JsonView contractSettings) {
        return contractSettings.integer(SETTING).filter(ReturnDeadline::isPlausible).orElse(DEFAULT_WORKING_DAYS);
    }

    /** Whether a number of working days from a contract's settings can be used; otherwise the default applies. */
    public static boolean isPlausible(int workingDays) {
        return workingDays >= 1 && workingDays <= 120;
    }

    /**
     * The due date of a period's return.
     *
     * @param workingDaysAfter the calendar: the n-th working day after a date
     */
    public static LocalDate dueDate(FinancialPeriod period, int workingDays,
                                    BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        if (workingDays < 1 || workingDays > 120) {
            throw new IllegalArgumentException("a return is due 1 to 120 working days after its period");
        }
        return workingDaysAfter.apply(period.lastDay(), workingDays);
    }

    /** Where a return stands on {@code today}, given when (if ever) it was first submitted, as a London date. */
    public static Timeliness timeliness(LocalDate dueDate, LocalDate today, LocalDate submittedOn) {
        if (submittedOn != null) {
            return submittedOn.isAfter(dueDate) ? Timeliness.SUBMITTED_LATE : Timeliness.ON_TIME;
        }
        if (today.isBefore(dueDate)) {
            return Timeliness.ON_TIME;
        }
        return today.isEqual(dueDate) ? Timeliness.DUE : Timeliness.OVERDUE;
    }
}
