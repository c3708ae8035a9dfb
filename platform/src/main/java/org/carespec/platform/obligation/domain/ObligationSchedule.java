package org.carespec.platform.obligation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.plugin.api.obligation.DueRule;

/**
 * Turns a module's due rule into the dates a contract's obligation falls due, from the contract's start to its end
 * (or to {@code horizon}, whichever is sooner). Each occurrence has a stable key: the quarter ({@code 2027-28-Q3}),
 * the year ({@code 2027}), the contract year ({@code year-2}) or {@code once}.
 */
public final class ObligationSchedule {

    /** One time an obligation falls due. */
    public record Occurrence(String key, LocalDate dueDate) {
    }

    private ObligationSchedule() {
    }

    /**
     * @param workingDaysAfter the tenant's calendar: the n-th working day after a date
     * @param setting          reads an integer contract setting by JSON pointer (for rules that name one)
     */
    public static List<Occurrence> of(DueRule rule, LocalDate start, LocalDate end, LocalDate horizon,
                                      BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter,
                                      java.util.function.Function<String, Optional<Integer>> setting) {
        LocalDate earliest = LocalDate.of(1900, 4, 1); // the first financial year the platform counts
        if (start.isBefore(earliest)) {
            start = earliest;
        }
        LocalDate last = end.isBefore(horizon) ? end : horizon;
        List<Occurrence> occurrences = new ArrayList<>();
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
            for (int n = 1; !start.plusYears(n).isAfter(last); n++) {
                occurrences.add(new Occurrence("year-" + n, start.plusYears(n)));
            }
        } else if (rule instanceof DueRule.AfterContractStart r) {
            LocalDate due = switch (r.unit()) {
                case WORKING_DAYS -> workingDaysAfter.apply(start, r.amount());
                case CALENDAR_DAYS -> start.plusDays(r.amount());
                case WEEKS -> start.plusWeeks(r.amount());
                case MONTHS -> start.plusMonths(r.amount());
            };
            if (!due.isAfter(end)) {
                occurrences.add(new Occurrence("once", due));
            }
        }
        return occurrences;
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
