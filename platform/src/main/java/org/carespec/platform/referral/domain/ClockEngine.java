package org.carespec.platform.referral.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.clock.Milestone;

/**
 * Computes a referral's clocks from what has happened to it. Pure: the working-day arithmetic comes in as a function
 * so this can be tested without a calendar service.
 *
 * <ul>
 *   <li>A clock starts on the date of its start milestone (receipt, or the first time the start event happened);
 *       until then it has no cycle.</li>
 *   <li>It is met on the first date of any of its stop milestones on or after its start.</li>
 *   <li>A clock with a condition the referral does not meet has no cycle at all.</li>
 *   <li>A recurring clock starts a new cycle on each date it is met (a plan reviewed every six months).</li>
 *   <li>A deadline a case may shorten is the sooner of the contract's and the one in the case's latest record of
 *       the declared type on the day the cycle started (a plan reviewed every three months).</li>
 *   <li>When the referral ends, a cycle still open is stopped on that date.</li>
 * </ul>
 */
public final class ClockEngine {

    private final BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter;

    /** @param workingDaysAfter the n-th working day after a date, on the tenant's calendar */
    public ClockEngine(BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        this.workingDaysAfter = workingDaysAfter;
    }

    public List<ClockCycle> cycles(ClockDefinition clock, History history, JsonView settings) {
        if (clock.condition() != null && !history.meets(clock.condition())) {
            return List.of();
        }
        List<LocalDate> starts = history.datesOf(clock.start());
        if (starts.isEmpty()) {
            return List.of();
        }
        // met on the first of its stops: the dates of every stop milestone together
        List<LocalDate> stops = clock.stops().stream().flatMap(m -> history.datesOf(m).stream()).sorted().toList();
        int amount = amount(clock.deadline(), settings);
        List<ClockCycle> cycles = new ArrayList<>();
        LocalDate start = starts.get(0);
        int cycle = 1;
        while (start != null) {
            LocalDate due = due(start, sooner(amount, clock.deadline(), history, start), clock.deadline().unit());
            LocalDate met = firstOnOrAfter(stops, start);
            if (met == null) {
                LocalDate stopped = history.endedOn() != null && !history.endedOn().isBefore(start)
                        ? history.endedOn() : null;
                cycles.add(new ClockCycle(clock.code(), cycle, start, due, null, stopped));
                break;
            }
            cycles.add(new ClockCycle(clock.code(), cycle, start, due, met, null));
            if (!clock.recurring() || (history.endedOn() != null && !met.isBefore(history.endedOn()))) {
                break;
            }
            start = met;
            stops = stops.stream().filter(d -> d.isAfter(met)).toList();
            cycle++;
            if (cycle > 500) {
                break; // a recurring clock with hundreds of cycles is a data problem, not a reason to loop forever
            }
        }
        return cycles;
    }

    LocalDate due(LocalDate start, int amount, DeadlineUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> workingDaysAfter.apply(start, amount);
            case CALENDAR_DAYS -> start.plusDays(amount);
            case WEEKS -> start.plusWeeks(amount);
            case MONTHS -> start.plusMonths(amount);
        };
    }

    /** The deadline's N, or the contract's own value where the module lets commissioners vary it. */
    static int amount(Deadline deadline, JsonView settings) {
        if (deadline.setting() != null) {
            return settings.number(deadline.setting()).map(BigDecimal::intValue).filter(n -> n > 0)
                    .orElse(deadline.amount());
        }
        return deadline.amount();
    }

    /** The contract's N, or the case's own where its record asks for a sooner one on the day the cycle started. */
    static int sooner(int amount, Deadline deadline, History history, LocalDate cycleStart) {
        if (deadline.perCase() == null) {
            return amount;
        }
        return history.caseAmount(deadline.perCase(), cycleStart).filter(n -> n > 0 && n < amount).orElse(amount);
    }

    private static LocalDate firstOnOrAfter(List<LocalDate> dates, LocalDate start) {
        return dates.stream().filter(d -> !d.isBefore(start)).min(LocalDate::compareTo).orElse(null);
    }

    /** What has happened to a referral, as dates per milestone. */
    public interface History {

        /** Every date the milestone happened, earliest first; receipt is a single date. */
        List<LocalDate> datesOf(Milestone milestone);

        /** When the referral was declined or closed, or {@code null}. */
        LocalDate endedOn();

        /** Whether the referral meets a clock's condition (its priority, source or a field of its form). */
        boolean meets(ClockCondition condition);

        /**
         * The whole number at the pointer of the latest record of the type made for the referral on or before the
         * day, if there is one and it holds a number there.
         */
        default java.util.Optional<Integer> caseAmount(Deadline.PerCase perCase, LocalDate asOf) {
            return java.util.Optional.empty();
        }
    }
}
