package org.carespec.platform.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.obligation.domain.ObligationSchedule.Occurrence;
import org.carespec.platform.obligation.domain.ObligationSchedule.Status;
import org.carespec.platform.obligation.domain.ObligationSchedule;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.obligation.DueRule;
import org.junit.jupiter.api.Test;

/** Contract obligations' due dates, for a contract running 1 April 2026 to 31 March 2028. */
class ObligationScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 4, 1);
    private static final LocalDate END = LocalDate.of(2028, 3, 31);
    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    private List<Occurrence> schedule(DueRule rule, Map<String, Integer> settings) {
        return ObligationSchedule.of(rule, START, END, LocalDate.of(2099, 1, 1),
                (d, n) -> calendar.workingDaysAfter(d, n, Nation.ENGLAND_AND_WALES),
                pointer -> Optional.ofNullable(settings.get(pointer)));
    }

    @Test
    void aQuarterlyReturnIsDueTenWorkingDaysAfterEachQuarterOfTheContract() {
        List<Occurrence> returns = schedule(DueRule.workingDaysAfterEachQuarter(10), Map.of());
        assertEquals(8, returns.size());
        assertEquals(new Occurrence("2026-27-Q1", LocalDate.of(2026, 7, 14)), returns.get(0));
        assertEquals(new Occurrence("2026-27-Q3", LocalDate.of(2027, 1, 15)), returns.get(2));
        assertEquals("2027-28-Q4", returns.get(7).key(), "the last quarter's return falls after the contract ends");
        List<Occurrence> setByContract = schedule(new DueRule.AfterEachQuarter(10, "/returnDueWorkingDays"),
                Map.of("/returnDueWorkingDays", 5));
        assertEquals(LocalDate.of(2026, 7, 7), setByContract.get(0).dueDate());
    }

    @Test
    void yearlyAndOneOffDutiesFallWithinTheContract() {
        List<Occurrence> eia = schedule(DueRule.eachYearOn(MonthDay.of(9, 30)), Map.of());
        assertEquals(List.of(new Occurrence("2026", LocalDate.of(2026, 9, 30)),
                new Occurrence("2027", LocalDate.of(2027, 9, 30))), eia);
        assertEquals(List.of(new Occurrence("year-1", LocalDate.of(2027, 3, 31)),
                new Occurrence("year-2", LocalDate.of(2028, 3, 31))),
                schedule(DueRule.eachContractYear(), Map.of()),
                "1 April to 31 March: each contract year, the final one too, owes its duty by its last day");
        assertEquals(List.of(new Occurrence("once", LocalDate.of(2026, 10, 1))),
                schedule(DueRule.afterContractStart(6, DeadlineUnit.MONTHS), Map.of()));
        assertEquals(8, schedule(DueRule.eachQuarter(), Map.of()).size());
        assertEquals(LocalDate.of(2026, 6, 30), schedule(DueRule.eachQuarter(), Map.of()).get(0).dueDate());
    }

    @Test
    void theHorizonStopsTheScheduleAndStatusFollowsTheDate() {
        List<Occurrence> soon = ObligationSchedule.of(DueRule.eachQuarter(), START, END, LocalDate.of(2026, 12, 31),
                (d, n) -> d.plusDays(n), p -> Optional.empty());
        assertEquals(3, soon.size());
        LocalDate due = LocalDate.of(2026, 9, 30);
        assertEquals(Status.DUE, ObligationSchedule.status(due, due, null));
        assertEquals(Status.OVERDUE, ObligationSchedule.status(due, due.plusDays(1), null));
        assertEquals(Status.DONE, ObligationSchedule.status(due, due.plusDays(30), due.plusDays(20)));
    }

    @Test
    void aYearlyDutyOnTheContractsFirstOrLastDayIsInsideIt() {
        List<Occurrence> onBothEnds = ObligationSchedule.of(DueRule.eachYearOn(MonthDay.of(4, 1)), START,
                LocalDate.of(2028, 4, 1), LocalDate.of(2099, 1, 1), (d, n) -> d, p -> Optional.empty());
        assertEquals(List.of("2026", "2027", "2028"), onBothEnds.stream().map(Occurrence::key).toList());
        assertEquals(List.of(new Occurrence("year-1", LocalDate.of(2027, 3, 31)),
                new Occurrence("year-2", LocalDate.of(2028, 3, 31)), new Occurrence("year-3", LocalDate.of(2028, 4, 1))),
                ObligationSchedule.of(DueRule.eachContractYear(), START, LocalDate.of(2028, 4, 1),
                        LocalDate.of(2099, 1, 1), (d, n) -> d, p -> Optional.empty()),
                "a third contract year of one day still owes its duty, by the contract's end");
        assertEquals(List.of(new Occurrence("year-1", LocalDate.of(2027, 3, 31))),
                ObligationSchedule.of(DueRule.eachContractYear(), START, END, LocalDate.of(2027, 3, 31),
                        (d, n) -> d, p -> Optional.empty()), "the horizon stops the schedule");
    }

    @Test
    void aDutyThatFollowsAReferralEventCountsEventsFromTheContractsFirstToItsLastDayOnly() {
        java.util.UUID before = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");
        java.util.UUID first = java.util.UUID.fromString("00000000-0000-0000-0000-000000000002");
        java.util.UUID last = java.util.UUID.fromString("00000000-0000-0000-0000-000000000003");
        java.util.UUID after = java.util.UUID.fromString("00000000-0000-0000-0000-000000000004");
        Map<java.util.UUID, LocalDate> agreed = Map.of(before, START.minusDays(1), first, START, last, END,
                after, END.plusDays(1));
        List<Occurrence> mobilisations = ObligationSchedule.of(DueRule.afterReferralEvent(
                org.carespec.plugin.api.ReferralEventType.PLAN_AGREED, 20, DeadlineUnit.WEEKS), START, END,
                LocalDate.of(2099, 1, 1), (d, n) -> d, p -> Optional.empty(), type -> agreed);
        assertEquals(List.of(new Occurrence(first.toString(), START.plusWeeks(20)),
                new Occurrence(last.toString(), END.plusWeeks(20))), mobilisations);
    }

    @Test
    void aOneOffDutyAfterTheContractEndsIsNotScheduled() {
        assertEquals(List.of(), schedule(DueRule.afterContractStart(3, DeadlineUnit.WEEKS), Map.of()).stream()
                .filter(o -> o.dueDate().isAfter(END)).toList());
        assertEquals(List.of(), ObligationSchedule.of(DueRule.afterContractStart(25, DeadlineUnit.MONTHS), START,
                END, LocalDate.of(2099, 1, 1), (d, n) -> d, p -> Optional.empty()));
        assertEquals(List.of(new Occurrence("once", END)), ObligationSchedule.of(
                DueRule.afterContractStart(730, DeadlineUnit.CALENDAR_DAYS), START, END, LocalDate.of(2099, 1, 1),
                (d, n) -> d, p -> Optional.empty()), "due on the last day is inside");
    }
}
