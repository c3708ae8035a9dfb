package org.carespec.platform.calendar;

import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * One nation's working days: the {@code n}-th working day after a date. The domain's clocks, due dates and
 * schedules take it as a plain function, so they are tested without a calendar service.
 */
public record WorkingDays(WorkingDayCalendar calendar, Nation nation)
        implements BiFunction<LocalDate, Integer, LocalDate> {

    /** The {@code n}-th working day after {@code date} (day 1 is the first working day after it). */
    public LocalDate after(LocalDate date, int n) {
        return calendar.workingDaysAfter(date, n, nation);
    }

    @Override
    public LocalDate apply(LocalDate date, Integer n) {
        return after(date, n);
    }
}
