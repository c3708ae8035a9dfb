package org.carespec.platform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.referral.domain.ClockConditions;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ClockEngine;
import org.carespec.platform.referral.domain.ClockStatus;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.rules.Priority;
import org.junit.jupiter.api.Test;

/** Clocks against hand-counted dates (the working days come from gov.uk's bank holiday list, not from this code). */
class ClockEngineTest {

    static final SpecReference REF = SpecReference.of("test", "§1");
    static final ClockDefinition FIRST_CONTACT = ClockDefinition.of("first-contact", "First contact", REF,
            Milestone.received(), Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3));
    static final ClockDefinition FIRST_VISIT = ClockDefinition.of("first-visit", "First visit", REF,
            Milestone.event(ReferralEventType.ACCEPTED), Milestone.event(ReferralEventType.FIRST_VISIT),
            Deadline.workingDays(7));
    static final ClockDefinition REVIEW = ClockDefinition.of("plan-review", "Review", REF,
            Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
            Deadline.months(6).variableAt("/planReviewMonths")).restartingEachTimeItStops();

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();
    private final ClockEngine engine = new ClockEngine((d, n) -> calendar.workingDaysAfter(d, n,
            Nation.ENGLAND_AND_WALES));

    record History(LocalDate received, Map<ReferralEventType, List<LocalDate>> events, LocalDate endedOn)
            implements ClockEngine.History {
        @Override
        public List<LocalDate> datesOf(Milestone milestone) {
            if (milestone instanceof Milestone.Received) {
                return List.of(received);
            }
            if (milestone instanceof Milestone.Event e) {
                return events.getOrDefault(e.type(), List.of());
            }
            return List.of();
        }

        /** A routine referral from a GP whose form says {"route": "post"}, under a contract for part-1. */
        @Override
        public boolean meets(ClockCondition condition) {
            return ClockConditions.holds(condition, Priority.ROUTINE, "GP", JsonView.of(Map.of("route", "post")),
                    "part-1", true);
        }
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void firstContactIsDueThreeWorkingDaysAfterReceiptAcrossEaster() {
        // Received Thursday 2 April 2026; Good Friday and Easter Monday are holidays: 7, 8, 9 April are days 1-3.
        List<ClockCycle> cycles = engine.cycles(FIRST_CONTACT, new History(d("2026-04-02"), Map.of(), null),
                JsonView.empty());
        assertEquals(d("2026-04-09"), cycles.get(0).dueOn());
        assertEquals(ClockStatus.RUNNING, cycles.get(0).statusOn(d("2026-04-08")));
        assertEquals(ClockStatus.DUE_TODAY, cycles.get(0).statusOn(d("2026-04-09")));
        assertEquals(ClockStatus.OVERDUE, cycles.get(0).statusOn(d("2026-04-10")));
    }

    @Test
    void contactOnTheDueDateIsMetAndTheDayAfterIsMetLate() {
        History onTime = new History(d("2026-04-02"), Map.of(ReferralEventType.CONTACTED, List.of(d("2026-04-09"))), null);
        assertEquals(ClockStatus.MET, engine.cycles(FIRST_CONTACT, onTime, JsonView.empty()).get(0)
                .statusOn(d("2026-06-01")));
        History late = new History(d("2026-04-02"), Map.of(ReferralEventType.CONTACTED, List.of(d("2026-04-10"))), null);
        ClockCycle cycle = engine.cycles(FIRST_CONTACT, late, JsonView.empty()).get(0);
        assertEquals(ClockStatus.MET_LATE, cycle.statusOn(d("2026-06-01")));
        assertEquals(d("2026-04-10"), cycle.metOn());
    }

    @Test
    void aFirstVisitClockStartsOnlyWhenTheReferralIsAccepted() {
        History notYet = new History(d("2026-05-01"), Map.of(), null);
        assertTrue(engine.cycles(FIRST_VISIT, notYet, JsonView.empty()).isEmpty());
        // Accepted Friday 22 May 2026; Monday 25 May is the spring bank holiday: days 1-7 are 26 May to 3 June.
        History accepted = new History(d("2026-05-01"), Map.of(ReferralEventType.ACCEPTED, List.of(d("2026-05-22"))),
                null);
        assertEquals(d("2026-06-03"), engine.cycles(FIRST_VISIT, accepted, JsonView.empty()).get(0).dueOn());
    }

    @Test
    void aPlanReviewClockRestartsFromEachReviewAndTheContractMayShortenIt() {
        History reviewed = new History(d("2026-01-10"), Map.of(ReferralEventType.PLAN_AGREED, List.of(d("2026-01-15")),
                ReferralEventType.REVIEWED, List.of(d("2026-07-10"))), null);
        List<ClockCycle> cycles = engine.cycles(REVIEW, reviewed, JsonView.empty());
        assertEquals(2, cycles.size());
        assertEquals(d("2026-07-15"), cycles.get(0).dueOn());
        assertEquals(d("2026-07-10"), cycles.get(0).metOn());
        assertEquals(d("2027-01-10"), cycles.get(1).dueOn());
        assertNull(cycles.get(1).metOn());
        List<ClockCycle> quarterly = engine.cycles(REVIEW, reviewed, JsonView.of(Map.of("planReviewMonths", 3)));
        assertEquals(d("2026-04-15"), quarterly.get(0).dueOn());
        assertEquals(ClockStatus.MET_LATE, quarterly.get(0).statusOn(d("2026-08-01")));
    }

    @Test
    void aClockStillOpenWhenTheReferralEndsIsStoppedNotOverdue() {
        History declined = new History(d("2026-03-12"), Map.of(), d("2026-03-13"));
        ClockCycle cycle = engine.cycles(FIRST_CONTACT, declined, JsonView.empty()).get(0);
        assertEquals(d("2026-03-13"), cycle.stoppedOn());
        assertEquals(ClockStatus.STOPPED, cycle.statusOn(d("2026-06-01")));
    }

    @Test
    void calendarDayAndWeekDeadlinesCountFromTheDateOfReceipt() {
        ClockDefinition sevenDays = ClockDefinition.of("contact", "Contact within 7 days", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.calendarDays(7));
        ClockDefinition weekOne = ClockDefinition.of("week-one", "Response in week one", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.weeks(1));
        History h = new History(d("2026-12-24"), Map.of(), null);
        assertEquals(d("2026-12-31"), engine.cycles(sevenDays, h, JsonView.empty()).get(0).dueOn());
        assertEquals(d("2026-12-31"), engine.cycles(weekOne, h, JsonView.empty()).get(0).dueOn());
    }

    @Test
    void aStopOnTheDayTheClockStartsMeetsItAndEarlierStopsDoNot() {
        History sameDay = new History(d("2026-04-02"), Map.of(ReferralEventType.CONTACTED, List.of(d("2026-04-02"))),
                null);
        assertEquals(d("2026-04-02"), engine.cycles(FIRST_CONTACT, sameDay, JsonView.empty()).get(0).metOn());
        History acceptedAfterAVisit = new History(d("2026-05-01"), Map.of(
                ReferralEventType.ACCEPTED, List.of(d("2026-05-11")),
                ReferralEventType.FIRST_VISIT, List.of(d("2026-05-08"), d("2026-05-14"))), null);
        assertEquals(d("2026-05-14"), engine.cycles(FIRST_VISIT, acceptedAfterAVisit, JsonView.empty()).get(0)
                .metOn(), "a visit before the clock started does not meet it");
    }

    @Test
    void aReferralEndingOnTheDayAClockStartsStopsItThatDay() {
        History declinedOnReceipt = new History(d("2026-03-12"), Map.of(), d("2026-03-12"));
        assertEquals(d("2026-03-12"), engine.cycles(FIRST_CONTACT, declinedOnReceipt, JsonView.empty()).get(0)
                .stoppedOn());
        History endedBefore = new History(d("2026-03-12"), Map.of(ReferralEventType.ACCEPTED,
                List.of(d("2026-03-20"))), d("2026-03-19"));
        assertNull(engine.cycles(FIRST_VISIT, endedBefore, JsonView.empty()).get(0).stoppedOn(),
                "an end before the clock started does not stop it");
    }

    @Test
    void aRecurringClockStopsRecurringWhenItIsMetOnOrAfterTheReferralsEnd() {
        History closedOnReviewDay = new History(d("2026-01-10"), Map.of(
                ReferralEventType.PLAN_AGREED, List.of(d("2026-01-15")),
                ReferralEventType.REVIEWED, List.of(d("2026-07-10"))), d("2026-07-10"));
        assertEquals(1, engine.cycles(REVIEW, closedOnReviewDay, JsonView.empty()).size(),
                "no review falls due after the referral closed");
        History closedLater = new History(d("2026-01-10"), Map.of(
                ReferralEventType.PLAN_AGREED, List.of(d("2026-01-15")),
                ReferralEventType.REVIEWED, List.of(d("2026-07-10"))), d("2026-07-11"));
        List<ClockCycle> cycles = engine.cycles(REVIEW, closedLater, JsonView.empty());
        assertEquals(2, cycles.size());
        assertEquals(2, cycles.get(1).cycle());
        assertEquals(d("2026-07-11"), cycles.get(1).stoppedOn());
    }

    @Test
    void aReviewDoneTwiceOnOneDayCountsOnceAndTheCyclesAreNumberedFromOne() {
        History twice = new History(d("2026-01-10"), Map.of(
                ReferralEventType.PLAN_AGREED, List.of(d("2026-01-15")),
                ReferralEventType.REVIEWED, List.of(d("2026-03-01"), d("2026-03-01"), d("2026-05-01"))), null);
        List<ClockCycle> cycles = engine.cycles(REVIEW, twice, JsonView.empty());
        assertEquals(List.of(1, 2, 3), cycles.stream().map(ClockCycle::cycle).toList());
        assertEquals(List.of(d("2026-01-15"), d("2026-03-01"), d("2026-05-01")),
                cycles.stream().map(ClockCycle::startedOn).toList());
    }

    @Test
    void aRecurringClockKeepsAtMostFiveHundredCycles() {
        List<LocalDate> daily = java.util.stream.IntStream.range(1, 700)
                .mapToObj(i -> d("2026-01-15").plusDays(i)).toList();
        History endless = new History(d("2026-01-10"), Map.of(ReferralEventType.PLAN_AGREED,
                List.of(d("2026-01-15")), ReferralEventType.REVIEWED, daily), null);
        assertEquals(500, engine.cycles(REVIEW, endless, JsonView.empty()).size());
    }

    @Test
    void aContractsValueForADeadlineIsUsedOnlyWhenItIsAPositiveNumber() {
        History agreed = new History(d("2026-01-10"), Map.of(ReferralEventType.PLAN_AGREED,
                List.of(d("2026-01-15"))), null);
        for (Object unusable : List.of(0, -3, "three")) {
            assertEquals(d("2026-07-15"), engine.cycles(REVIEW, agreed, JsonView.of(Map.of("planReviewMonths",
                    unusable))).get(0).dueOn(), "planReviewMonths " + unusable);
        }
        assertEquals(d("2026-02-15"), engine.cycles(REVIEW, agreed, JsonView.of(Map.of("planReviewMonths", 1)))
                .get(0).dueOn());
    }

    @Test
    void aClockWithTwoStopsIsMetByWhicheverComesFirst() {
        // 004 R6: a response within week one, given by accepting or declining the referral
        ClockDefinition response = ClockDefinition.of("response", "Response in week one", REF, Milestone.received(),
                Milestone.event(ReferralEventType.ACCEPTED), Deadline.weeks(1))
                .orStoppingOn(Milestone.event(ReferralEventType.DECLINED));
        History declined = new History(d("2026-05-04"), Map.of(ReferralEventType.DECLINED, List.of(d("2026-05-06")),
                ReferralEventType.ACCEPTED, List.of(d("2026-05-20"))), null);
        assertEquals(d("2026-05-06"), engine.cycles(response, declined, JsonView.empty()).get(0).metOn());
        History accepted = new History(d("2026-05-04"), Map.of(ReferralEventType.ACCEPTED, List.of(d("2026-05-05"))),
                null);
        assertEquals(d("2026-05-05"), engine.cycles(response, accepted, JsonView.empty()).get(0).metOn());
        History neither = new History(d("2026-05-04"), Map.of(), null);
        assertNull(engine.cycles(response, neither, JsonView.empty()).get(0).metOn());
    }

    @Test
    void aConditionalClockRunsOnlyForReferralsThatMeetItsCondition() {
        ClockDefinition urgent = FIRST_CONTACT.onlyWhen(ClockCondition.priorityIn(Priority.URGENT, Priority.HIGH));
        History routine = new History(d("2026-04-02"), Map.of(), null);
        assertEquals(List.of(), engine.cycles(urgent, routine, JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.priorityIn(Priority.ROUTINE)), routine,
                JsonView.empty()).size());
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.sourceIn("GP", "SELF")), routine,
                JsonView.empty()).size());
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.sourceIn("SELF")), routine,
                JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.fieldEquals("/route", "post")), routine,
                JsonView.empty()).size());
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.fieldEquals("/route", "phone")),
                routine, JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.partIn("part-1")), routine,
                JsonView.empty()).size());
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.partIn("part-2")), routine,
                JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.eligible()), routine,
                JsonView.empty()).size());
        assertTrue(ClockConditions.holds(ClockCondition.eligible(), Priority.ROUTINE, "GP", JsonView.empty(), null,
                true));
        assertFalse(ClockConditions.holds(ClockCondition.eligible(), Priority.ROUTINE, "GP", JsonView.empty(), null,
                false));
    }

    @Test
    void compoundConditionsNeedAllOrAnyOfTheirParts() {
        History routine = new History(d("2026-04-02"), Map.of(), null); // routine, from a GP, part-1, eligible
        ClockCondition gp = ClockCondition.sourceIn("GP");
        ClockCondition urgent = ClockCondition.priorityIn(Priority.URGENT);
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.allOf(gp, urgent)), routine,
                JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.anyOf(gp, urgent)), routine,
                JsonView.empty()).size());
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(ClockCondition.anyOf(urgent,
                ClockCondition.partIn("part-2"))), routine, JsonView.empty()));
        // onlyWhen twice: both must hold
        assertEquals(List.of(), engine.cycles(FIRST_CONTACT.onlyWhen(gp).onlyWhen(urgent), routine, JsonView.empty()));
        assertEquals(1, engine.cycles(FIRST_CONTACT.onlyWhen(gp).onlyWhen(ClockCondition.partIn("part-1")), routine,
                JsonView.empty()).size());
    }

    /** A plan whose own review interval is {@code months}, made on each of the days given. */
    record PlannedHistory(History events, Map<LocalDate, Integer> planInterval) implements ClockEngine.History {
        @Override
        public List<LocalDate> datesOf(Milestone milestone) {
            return events.datesOf(milestone);
        }

        @Override
        public LocalDate endedOn() {
            return events.endedOn();
        }

        @Override
        public boolean meets(ClockCondition condition) {
            return events.meets(condition);
        }

        @Override
        public java.util.Optional<Integer> caseAmount(Deadline.PerCase perCase, LocalDate asOf) {
            return planInterval.entrySet().stream().filter(e -> !e.getKey().isAfter(asOf))
                    .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
        }
    }

    @Test
    void aPlansOwnShorterReviewIntervalWinsAndALongerOneDoesNot() {
        // 002 §4.12: reviewed every six months "or more frequently": the plan agreed 15 Jan 2026 asks for 3 months
        ClockDefinition review = ClockDefinition.of("plan-review", "Review", REF,
                Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
                Deadline.months(6).variableAt("/planReviewMonths").orSoonerPerCase("wellbeing-plan",
                        "/reviewIntervalMonths")).restartingEachTimeItStops();
        History events = new History(d("2026-01-10"), Map.of(ReferralEventType.PLAN_AGREED, List.of(d("2026-01-15")),
                ReferralEventType.REVIEWED, List.of(d("2026-04-10"))), null);
        List<ClockCycle> sooner = engine.cycles(review, new PlannedHistory(events, Map.of(d("2026-01-15"), 3)),
                JsonView.empty());
        assertEquals(d("2026-04-15"), sooner.get(0).dueOn());
        assertEquals(d("2026-07-10"), sooner.get(1).dueOn());
        // a plan asking for twelve months keeps the contract's six
        List<ClockCycle> later = engine.cycles(review, new PlannedHistory(events, Map.of(d("2026-01-15"), 12)),
                JsonView.empty());
        assertEquals(d("2026-07-15"), later.get(0).dueOn());
        // the contract's own shorter value still wins over a longer plan, and a shorter plan over the contract's
        assertEquals(d("2026-05-15"), engine.cycles(review, new PlannedHistory(events, Map.of(d("2026-01-15"), 12)),
                JsonView.of(Map.of("planReviewMonths", 4))).get(0).dueOn());
        assertEquals(d("2026-03-15"), engine.cycles(review, new PlannedHistory(events, Map.of(d("2026-01-15"), 2)),
                JsonView.of(Map.of("planReviewMonths", 4))).get(0).dueOn());
        // a plan made after the cycle started does not reach back into it
        List<ClockCycle> madeLater = engine.cycles(review, new PlannedHistory(events, Map.of(d("2026-02-01"), 1)),
                JsonView.empty());
        assertEquals(d("2026-07-15"), madeLater.get(0).dueOn());
        assertEquals(d("2026-05-10"), madeLater.get(1).dueOn());
        // no record: the contract's deadline
        assertEquals(d("2026-07-15"), engine.cycles(review, new PlannedHistory(events, Map.of()), JsonView.empty())
                .get(0).dueOn());
    }
}
