package org.carespec.platform.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working days: Monday to Friday less the public holidays of a UK nation, substitute days included, from the
 * maintained Jollyday calendar (England and Wales share one list; Scotland adds 2 January and St Andrew's Day;
 * Northern Ireland adds St Patrick's Day and the Battle of the Boyne).
 *
 * <p>Counting follows the usual statutory reading: day 1 is the first working day after the day of receipt, so a
 * referral received on a Saturday, a bank holiday or a working day alike has its first working day after that date
 * as day 1.
 */
@Singleton
public class WorkingDayCalendar {

    private static final HolidayManager UNITED_KINGDOM =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final Map<String, Set<LocalDate>> holidays = new ConcurrentHashMap<>();

    public boolean isWorkingDay(LocalDate date, Nation nation) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidaysOf(date.getYear(), nation).contains(date);
    }

    /** The {@code n}-th working day after {@code date} (day 1 is the first working day after it). */
    public LocalDate workingDaysAfter(LocalDate date, int n, Nation nation) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day, nation)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days fall after {@code from} up to and including {@code to}; 0 if {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to, Nation nation) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day, nation)) {
                count++;
            }
        }
        return count;
    }

    /** The public holidays of a nation in a year, as dates (substitute days where the holiday moves). */
    public Set<LocalDate> holidaysOf(int year, Nation nation) {
        return holidays.computeIfAbsent(year + ":" + nation, k -> UNITED_KINGDOM
                .getHolidays(Year.of(year), subdivision(nation)).stream()
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }

    private static String subdivision(Nation nation) {
        return switch (nation) {
            case ENGLAND_AND_WALES -> "eng";
            case SCOTLAND -> "sct";
            case NORTHERN_IRELAND -> "nir";
        };
    }
}
