package org.carespec.platform.obligation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.obligation.DueRule;

/**
 * Turns a module's due rule into the dates a contract's obligation falls due, from the contract's start to its end
 * (or to {@code horizon}, whichever is sooner). Each occurrence has a stable key: the quarter ({@code 2027-28-Q3}),
 * the year ({@code 2027}), the contract year ({@code year-2}, due on that year's last day), {@code once}, or, for a rule that follows a
 * referral's event, the referral's id.
 */
public final class ObligationSchedule {

    /** One time an obligation falls due. */
    public record Occurrence(String key, LocalDate dueDate) {
    }

    private ObligationSchedule() {
    }

    /** For a schedule with no rule that follows referrals' events. */
    public static List<Occurrence> of(DueRule rule, LocalDate start, LocalDate end, LocalDate horizon,
                                      BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter,
                                      Function<String, Optional<Integer>> setting) {
        return of(rule, start, end, horizon, workingDaysAfter, setting, type -> Map.of());
    }

    /**
     * @param workingDaysAfter the tenant's calendar: the n-th working day after a date
     * @param setting          reads an integer contract setting by JSON pointer (for rules that name one)
     * @param firstEvents      for an event type, each referral of the contract that has one, with the date of its
     *                         first (read only for rules that follow an event)
     */
    public static List<Occurrence> of(DueRule rule, LocalDate start, LocalDate end, LocalDate horizon,
                                      BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter,
                                      Function<String, Optional<Integer>> setting,
                                      Function<ReferralEventType, Map<UUID, LocalDate>> firstEvents) {
        LocalDate earliest = LocalDate.of(1900, 4, 1); // the first financial year the platform counts
        if (start.isBefore(earliest)) {
            start = earliest;
        }
        LocalDate last = end.isBefore(horizon) ? end : horizon;
        List<Occurrence> occurrences = new ArrayList<>();
        if (rule instanceof DueRule.QuarterlyReturn) {
            rule = new DueRule.AfterEachQuarter(ReturnDeadline.DEFAULT_WORKING_DAYS, ReturnDeadline.SETTING);
        }
        if (rule instanceof DueRule.AfterEachQuarter r) {
            int days = r.setting() == null ? r.workingDays() : setting.apply(r.setting()).orElse(r.workingDays());
            for (FinancialPeriod q = FinancialPeriod.quarterOf(start); !q.start().isAfter(end); q = q.next()) {
                LocalDate due = workingDaysAfter.apply(q.lastDay(), days);
                if (due.isAfter(horizon)) { // not the contract end: its last quarter's return falls due after it
                    break;
                }
                occurrences.add(new Occurrence(q.toString(), due));
            }
        } else if (rule instanceof DueRule.EachQuarter) {
            for (FinancialPeriod q = FinancialPeriod.quarterOf(start); !q.lastDay().isAfter(last); q = q.next()) {
                occurrences.add(new Occurrence(q.toString(), q.lastDay()));
            }
        } else if (rule instanceof DueRule.EachYearOn r) {
            for (int year = start.getYear(); year <= last.getYear(); year++) {
                LocalDate due = r.date().atYear(year);
                if (!due.isBefore(start) && !due.isAfter(last)) {
                    occurrences.add(new Occurrence(String.valueOf(year), due));
                }
            }
        } else if (rule instanceof DueRule.EachContractYear) {
            // each contract year, the last one too, owes its duty by its own last day; a short final year by
            // the contract's end (002 §5.5, §5.7, §5.8: an annual report for every year the service runs)
            for (int n = 1; !start.plusYears(n - 1L).isAfter(end); n++) {
                LocalDate yearEnd = start.plusYears(n).minusDays(1);
                LocalDate due = yearEnd.isAfter(end) ? end : yearEnd;
                if (due.isAfter(horizon)) {
                    break;
                }
                occurrences.add(new Occurrence("year-" + n, due));
            }
        } else if (rule instanceof DueRule.AfterContractStart r) {
            LocalDate due = after(start, r.amount(), r.unit(), workingDaysAfter);
            if (!due.isAfter(end)) {
                occurrences.add(new Occurrence("once", due));
            }
        } else if (rule instanceof DueRule.AfterReferralEvent r) {
            for (Map.Entry<UUID, LocalDate> event : new TreeMap<>(firstEvents.apply(r.event())).entrySet()) {
                if (!event.getValue().isBefore(start) && !event.getValue().isAfter(last)) {
                    occurrences.add(new Occurrence(event.getKey().toString(),
                            after(event.getValue(), r.amount(), r.unit(), workingDaysAfter)));
                }
            }
        }
        return occurrences;
    }

    private static LocalDate after(LocalDate from, int amount, DeadlineUnit unit,
                                   BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        return switch (unit) {
            case WORKING_DAYS -> workingDaysAfter.apply(from, amount);
            case CALENDAR_DAYS -> from.plusDays(amount);
            case WEEKS -> from.plusWeeks(amount);
            case MONTHS -> from.plusMonths(amount);
        };
    }

    /** Where an occurrence stands on {@code today}. */
    public enum Status { DONE, DUE, OVERDUE }

    public static Status status(LocalDate dueDate, LocalDate today, LocalDate doneOn) {
        if (doneOn != null) {
            return Status.DONE;
        }
        return today.isAfter(dueDate) ? Status.OVERDUE : Status.DUE;
    }
}
