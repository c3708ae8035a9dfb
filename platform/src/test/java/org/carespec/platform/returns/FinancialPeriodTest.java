package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline.Timeliness;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.junit.jupiter.api.Test;

/** UK financial-year quarters and the due dates of their returns. */
class FinancialPeriodTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void quartersRunFromAprilToMarch() {
        FinancialPeriod q3 = FinancialPeriod.parse("2027-28-Q3");
        assertEquals(LocalDate.of(2027, 10, 1), q3.start());
        assertEquals(LocalDate.of(2027, 12, 31), q3.lastDay());
        assertEquals(LocalDate.of(2028, 1, 1), q3.end());
        FinancialPeriod q4 = FinancialPeriod.parse("2027-28-Q4");
        assertEquals(LocalDate.of(2028, 1, 1), q4.start());
        assertEquals(LocalDate.of(2028, 3, 31), q4.lastDay());
        assertEquals(LocalDate.of(2027, 4, 1), FinancialPeriod.parse("2027-28-Q1").start());
        assertEquals(LocalDate.of(2027, 9, 30), FinancialPeriod.parse("2027-28-Q2").lastDay());
        FinancialPeriod year = FinancialPeriod.parse("2027-28");
        assertFalse(year.isQuarter());
        assertEquals(LocalDate.of(2027, 4, 1), year.start());
        assertEquals(LocalDate.of(2028, 3, 31), year.lastDay());
        assertEquals("2027-28-Q3", q3.toString());
        assertEquals("2099-00-Q1", FinancialPeriod.parse("2099-00-Q1").toString(), "the century rolls over");
    }

    @Test
    void aDateBelongsToExactlyOneQuarter() {
        assertEquals("2027-28-Q4", FinancialPeriod.quarterOf(LocalDate.of(2028, 3, 31)).toString());
        assertEquals("2028-29-Q1", FinancialPeriod.quarterOf(LocalDate.of(2028, 4, 1)).toString());
        assertEquals("2027-28-Q3", FinancialPeriod.quarterOf(LocalDate.of(2027, 12, 31)).toString());
        assertEquals("2026-27-Q4", FinancialPeriod.parse("2027-28-Q1").previous().toString());
        assertEquals("2028-29-Q1", FinancialPeriod.parse("2027-28-Q4").next().toString());
        assertEquals("2027-28", FinancialPeriod.parse("2027-28-Q2").year().toString());
    }

    @Test
    void malformedAndImpossiblePeriodsAreRefusedWithAReason() {
        for (String bad : new String[] {"2027-Q3", "2027-29-Q1", "2027-28-Q5", "27-28-Q1", "2027-28-q1", ""}) {
            assertThrows(IllegalArgumentException.class, () -> FinancialPeriod.parse(bad), bad);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FinancialPeriod.parse("2027-29"))
                .getMessage().contains("2027-28"));
    }

    @Test
    void aQuarterlyReturnIsDueTenWorkingDaysAfterTheQuarterEnds() {
        // Q3 2026-27 ends Thursday 31 December 2026. England and Wales: Friday 1 January 2027 is New Year's Day,
        // so day 1 is Monday 4 January and day 10 is Friday 15 January.
        assertEquals(LocalDate.of(2027, 1, 15), due("2026-27-Q3", Nation.ENGLAND_AND_WALES, 10));
        // Scotland also keeps 2 January, a Saturday in 2027, substituted by Monday 4 January: day 10 is the 18th.
        assertEquals(LocalDate.of(2027, 1, 18), due("2026-27-Q3", Nation.SCOTLAND, 10));
        // Q4 2026-27 ends Wednesday 31 March 2027; Easter 2027 is 28 March, so Monday 29 March was the holiday
        // and April starts clear: day 1 Thursday 1 April, day 10 Wednesday 14 April.
        assertEquals(LocalDate.of(2027, 4, 14), due("2026-27-Q4", Nation.ENGLAND_AND_WALES, 10));
        assertEquals(LocalDate.of(2027, 4, 1), due("2026-27-Q4", Nation.ENGLAND_AND_WALES, 1));
        // Q4 2025-26 ends Tuesday 31 March 2026 and Easter falls inside the ten days: Good Friday 3 April and
        // Easter Monday 6 April are skipped, so day 10 is Thursday 16 April.
        assertEquals(LocalDate.of(2026, 4, 16), due("2025-26-Q4", Nation.ENGLAND_AND_WALES, 10));
        // Q3 2027-28 ends Friday 31 December 2027; New Year's Day 2028 is a Saturday, substituted by Monday 3
        // January, so day 1 is Tuesday 4 January and day 10 Monday 17 January.
        assertEquals(LocalDate.of(2028, 1, 17), due("2027-28-Q3", Nation.ENGLAND_AND_WALES, 10));
        // Counting on from Q2 2027-28 (ends Thursday 30 September; day 1 is Friday 1 October) across Christmas 2027,
        // when Saturday 25 and Sunday 26 December are substituted by Monday 27 and Tuesday 28: counted by hand,
        // day 61 is Friday 24 December and day 62 Wednesday 29 December.
        assertEquals(LocalDate.of(2027, 12, 24), due("2027-28-Q2", Nation.ENGLAND_AND_WALES, 61));
        assertEquals(LocalDate.of(2027, 12, 29), due("2027-28-Q2", Nation.ENGLAND_AND_WALES, 62));
        assertThrows(IllegalArgumentException.class, () -> due("2026-27-Q4", Nation.ENGLAND_AND_WALES, 0));
    }

    @Test
    void timelinessComparesSubmissionOrTodayWithTheDueDate() {
        LocalDate due = LocalDate.of(2027, 1, 15);
        assertEquals(Timeliness.ON_TIME, ReturnDeadline.timeliness(due, LocalDate.of(2027, 1, 14), null));
        assertEquals(Timeliness.DUE, ReturnDeadline.timeliness(due, due, null));
        assertEquals(Timeliness.OVERDUE, ReturnDeadline.timeliness(due, LocalDate.of(2027, 1, 16), null));
        assertEquals(Timeliness.ON_TIME, ReturnDeadline.timeliness(due, LocalDate.of(2027, 3, 1), due));
        assertEquals(Timeliness.SUBMITTED_LATE,
                ReturnDeadline.timeliness(due, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 1, 18)));
    }

    private LocalDate due(String period, Nation nation, int days) {
        return ReturnDeadline.dueDate(FinancialPeriod.parse(period), days,
                (date, n) -> calendar.workingDaysAfter(date, n, nation));
    }

    @Test
    void financialYearsFrom1900To9998AndQuartersOneToFourOrTheWholeYear() {
        assertEquals("1900-01", new FinancialPeriod(1900, 0).toString());
        assertEquals("9998-99-Q4", new FinancialPeriod(9998, 4).toString());
        assertThrows(IllegalArgumentException.class, () -> new FinancialPeriod(1899, 1));
        assertThrows(IllegalArgumentException.class, () -> new FinancialPeriod(9999, 1));
        assertThrows(IllegalArgumentException.class, () -> new FinancialPeriod(2026, 5));
        assertThrows(IllegalArgumentException.class, () -> new FinancialPeriod(2026, -1));
        assertFalse(new FinancialPeriod(2026, 0).isQuarter());
        assertTrue(new FinancialPeriod(2026, 1).isQuarter());
    }

    @Test
    void theQuarterBeforeAndAfterCrossTheYearAndYearsFollowYears() {
        assertEquals("2025-26-Q4", FinancialPeriod.parse("2026-27-Q1").previous().toString());
        assertEquals("2026-27-Q1", FinancialPeriod.parse("2026-27-Q2").previous().toString());
        assertEquals("2027-28-Q1", FinancialPeriod.parse("2026-27-Q4").next().toString());
        assertEquals("2026-27-Q4", FinancialPeriod.parse("2026-27-Q3").next().toString());
        assertEquals("2025-26", FinancialPeriod.parse("2026-27").previous().toString());
        assertEquals("2027-28", FinancialPeriod.parse("2026-27").next().toString());
        assertEquals("2026-27", FinancialPeriod.parse("2026-27-Q3").year().toString());
        assertEquals(LocalDate.of(2027, 4, 1), FinancialPeriod.parse("2026-27").end());
    }

    @Test
    void aContractMayAllowOneTo120WorkingDaysForItsReturnsAnythingElseMeansTheDefault() {
        assertEquals(1, ReturnDeadline.workingDaysOf(org.carespec.plugin.api.JsonView.of(
                java.util.Map.of("returnDueWorkingDays", 1))));
        assertEquals(120, ReturnDeadline.workingDaysOf(org.carespec.plugin.api.JsonView.of(
                java.util.Map.of("returnDueWorkingDays", 120))));
        for (int unusable : new int[] {0, 121, -5}) {
            assertEquals(ReturnDeadline.DEFAULT_WORKING_DAYS, ReturnDeadline.workingDaysOf(
                    org.carespec.plugin.api.JsonView.of(java.util.Map.of("returnDueWorkingDays", unusable))));
        }
        assertEquals(ReturnDeadline.DEFAULT_WORKING_DAYS, ReturnDeadline.workingDaysOf(
                org.carespec.plugin.api.JsonView.empty()));
        FinancialPeriod q1 = FinancialPeriod.parse("2026-27-Q1");
        assertEquals(LocalDate.of(2026, 7, 1), ReturnDeadline.dueDate(q1, 1, (d, n) -> d.plusDays(n)));
        assertEquals(LocalDate.of(2026, 10, 28), ReturnDeadline.dueDate(q1, 120, (d, n) -> d.plusDays(n)));
        assertThrows(IllegalArgumentException.class, () -> ReturnDeadline.dueDate(q1, 0, (d, n) -> d));
        assertThrows(IllegalArgumentException.class, () -> ReturnDeadline.dueDate(q1, 121, (d, n) -> d));
    }
}
