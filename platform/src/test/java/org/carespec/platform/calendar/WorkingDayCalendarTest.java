package org.carespec.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working days as UK services count them, checked against the published bank holidays (gov.uk). */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();
    private static final Nation ENGLAND = Nation.ENGLAND_AND_WALES;

    private LocalDate due(String received, int workingDays, Nation nation) {
        return calendar.workingDaysAfter(LocalDate.parse(received), workingDays, nation);
    }

    @Test
    void contactIsDueThreeWorkingDaysAfterReceiptSkippingTheWeekend() {
        // Received Thursday 12 March 2026: Friday is day 1, Monday day 2, Tuesday day 3.
        assertEquals(LocalDate.parse("2026-03-17"), due("2026-03-12", 3, ENGLAND));
    }

    @Test
    void aReferralReceivedOnASaturdayCountsFromMonday() {
        // Saturday 14 March 2026: the next working day, Monday 16, is day 1.
        assertEquals(LocalDate.parse("2026-03-16"), due("2026-03-14", 1, ENGLAND));
        assertEquals(LocalDate.parse("2026-03-18"), due("2026-03-14", 3, ENGLAND));
    }

    @Test
    void aReferralReceivedOnABankHolidayCountsFromTheNextWorkingDay() {
        // Easter Monday 6 April 2026 is a bank holiday in England: Tuesday 7 is day 1.
        assertEquals(LocalDate.parse("2026-04-07"), due("2026-04-06", 1, ENGLAND));
    }

    @Test
    void easterSkipsGoodFridayAndEasterMondayInEnglandButOnlyGoodFridayInScotland() {
        // Received Thursday 2 April 2026; Good Friday 3 April, Easter Monday 6 April.
        assertEquals(LocalDate.parse("2026-04-07"), due("2026-04-02", 1, ENGLAND));
        assertEquals(LocalDate.parse("2026-04-06"), due("2026-04-02", 1, Nation.SCOTLAND));
    }

    @Test
    void christmasAndBoxingDayOnAWeekendMoveToSubstituteDays() {
        // 2027: Christmas Day is a Saturday, Boxing Day a Sunday; the substitute days are Monday 27 and Tuesday 28.
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2027-12-27"), ENGLAND));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2027-12-28"), ENGLAND));
        assertEquals(LocalDate.parse("2027-12-29"), due("2027-12-24", 1, ENGLAND));
    }

    @Test
    void newYearsDayOnASaturdayMovesToMonday() {
        // 1 January 2028 is a Saturday: Monday 3 January 2028 is the substitute day in England.
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2028-01-03"), ENGLAND));
        assertEquals(LocalDate.parse("2028-01-04"), due("2027-12-31", 1, ENGLAND));
    }

    @Test
    void scotlandAlsoKeepsTheSecondOfJanuary() {
        // 2 January 2026 is a Friday: a bank holiday in Scotland, a working day in England.
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-01-02"), Nation.SCOTLAND));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-01-02"), ENGLAND));
    }

    @Test
    void scotlandKeepsStAndrewsDayWithASubstituteWhenItFallsAtTheWeekend() {
        // St Andrew's Day, 30 November 2026, is a Monday.
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-30"), Nation.SCOTLAND));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-11-30"), ENGLAND));
        // 30 November 2025 was a Sunday: Monday 1 December 2025 was the substitute day.
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2025-12-01"), Nation.SCOTLAND));
    }

    @Test
    void theEarlyMayAndLateMayBankHolidaysAreSkipped() {
        // 2026: early May bank holiday Monday 4 May, spring bank holiday Monday 25 May.
        assertEquals(LocalDate.parse("2026-05-05"), due("2026-05-01", 1, ENGLAND));
        assertEquals(LocalDate.parse("2026-05-26"), due("2026-05-22", 1, ENGLAND));
    }

    @Test
    void northernIrelandKeepsStPatricksDayAndTheTwelfth() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-03-17"), Nation.NORTHERN_IRELAND));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-07-13"), Nation.NORTHERN_IRELAND)); // 12th is Sunday
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-03-17"), ENGLAND));
    }

    @Test
    void tenWorkingDaysAfterTheEndOfTheChristmasQuarter() {
        // Q3 ends Thursday 31 December 2026; Friday 1 January is a holiday, so day 1 is Monday 4 January and
        // day 10 is Friday 15 January 2027.
        assertEquals(LocalDate.parse("2027-01-15"), due("2026-12-31", 10, ENGLAND));
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheStartUpToTheEnd() {
        assertEquals(3, calendar.workingDaysBetween(LocalDate.parse("2026-03-12"), LocalDate.parse("2026-03-17"), ENGLAND));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.parse("2026-03-17"), LocalDate.parse("2026-03-12"), ENGLAND));
    }

    @Test
    void zeroWorkingDaysAfterADayIsThatDayAndANegativeCountIsRefused() {
        LocalDate saturday = LocalDate.of(2026, 5, 2);
        assertEquals(saturday, calendar.workingDaysAfter(saturday, 0, Nation.ENGLAND_AND_WALES));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> calendar.workingDaysAfter(saturday, -1, Nation.ENGLAND_AND_WALES));
    }

    @Test
    void aNationsWorkingDaysAreItsCalendarsAsAFunction() {
        WorkingDays scotland = new WorkingDays(calendar, Nation.SCOTLAND);
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(LocalDate.of(2026, 12, 1), scotland.after(friday, 1), "Monday 30 November is St Andrew's Day");
        assertEquals(LocalDate.of(2026, 12, 1), scotland.apply(friday, 1));
    }
}
