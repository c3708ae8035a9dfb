package org.carespec.platform.referral.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.WorkingDays;
import org.carespec.platform.json.Json;
import org.carespec.platform.referral.domain.ClockConditions;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ClockEngine;
import org.carespec.platform.referral.domain.ClockStatus;
import org.carespec.platform.referral.repository.ClockRepository;
import org.carespec.platform.referral.repository.EventRow;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.Milestone;

/**
 * Keeps each referral's clocks: recomputed from its receipt, events and forms whenever one arrives, stored one row
 * per cycle, and turned into statuses against today's date when read.
 */
@Singleton
public class ReferralClocks {

    private final ClockRepository stored;

    public ReferralClocks(ClockRepository stored) {
        this.stored = stored;
    }

    /** Recomputes and stores every clock of a referral from its events and records; returns the cycles. */
    List<ClockCycle> recompute(UUID tenant, ReferralRow referral, String part, List<ClockDefinition> clocks,
                               List<EventRow> events, JsonView settings, WorkingDays workingDays) {
        Map<String, List<LocalDate>> made = stored.recordDates(tenant, referral.id());
        Map<String, List<LocalDate>> reached = stored.statusDates(tenant, referral.id());
        Optional<LocalDate> born = birthdays(clocks) ? stored.dateOfBirth(tenant, referral.personId()) : Optional.empty();
        Map<String, List<LocalDate>> moduleEvents = clocks.stream().anyMatch(c -> c.start() instanceof Milestone.ModuleEvent
                || c.stops().stream().anyMatch(m -> m instanceof Milestone.ModuleEvent))
                ? stored.moduleEventDates(tenant, referral.id()) : Map.of();
        List<ClockCycle> cycles = cycles(clocks, new History(referral, part) {
            @Override
            public Optional<Integer> caseAmount(Deadline.PerCase perCase, LocalDate asOf) {
                String[] path = java.util.Arrays.stream(perCase.pointer().substring(1).split("/", -1))
                        .map(t -> t.replace("~1", "/").replace("~0", "~")).toArray(String[]::new);
                return stored.caseAmount(tenant, referral.id(), perCase.recordType(), path, asOf);
            }

            @Override
            public List<LocalDate> datesOf(Milestone milestone) {
                if (milestone instanceof Milestone.Received) {
                    return List.of(referral.receivedOn());
                }
                if (milestone instanceof Milestone.ModuleEvent e) {
                    return moduleEvents.getOrDefault(e.code(), List.of()).stream().sorted().toList();
                }
                if (milestone instanceof Milestone.Birthday b) {
                    return born.map(d -> List.of(d.plusYears(b.years()))).orElse(List.of());
                }
                if (milestone instanceof Milestone.Event e) {
                    return events.stream().filter(x -> x.type() == e.type()).map(EventRow::occurredOn).sorted().toList();
                }
                if (milestone instanceof Milestone.RecordCreated r) {
                    return made.getOrDefault(r.typeCode(), List.of()).stream().sorted().toList();
                }
                Milestone.RecordReached r = (Milestone.RecordReached) milestone;
                return reached.getOrDefault(r.typeCode() + "|" + r.status(), List.of()).stream().sorted().toList();
            }
        }, settings, workingDays);
        stored.replace(tenant, referral, cycles, false);
        return cycles;
    }

    /** The clocks of a referral just received: nothing has happened yet and nothing is stored to replace. */
    List<ClockCycle> start(UUID tenant, ReferralRow referral, String part, List<ClockDefinition> clocks,
                           JsonView settings, WorkingDays workingDays) {
        Optional<LocalDate> born = birthdays(clocks) ? stored.dateOfBirth(tenant, referral.personId()) : Optional.empty();
        List<ClockCycle> cycles = cycles(clocks, new History(referral, part) {
            @Override
            public List<LocalDate> datesOf(Milestone milestone) {
                if (milestone instanceof Milestone.Birthday b) {
                    return born.map(d -> List.of(d.plusYears(b.years()))).orElse(List.of());
                }
                return milestone instanceof Milestone.Received ? List.of(referral.receivedOn()) : List.of();
            }
        }, settings, workingDays);
        stored.replace(tenant, referral, cycles, true);
        return cycles;
    }

    /** Whether any clock starts or stops on a birthday: only then is the person's date of birth read. */
    private static boolean birthdays(List<ClockDefinition> clocks) {
        return clocks.stream().anyMatch(c -> c.start() instanceof Milestone.Birthday
                || c.stops().stream().anyMatch(m -> m instanceof Milestone.Birthday));
    }

    /** What every history of a referral shares: when it ended, and its priority, source and form for conditions. */
    private abstract static class History implements ClockEngine.History {

        private final ReferralRow referral;
        private final String part;

        History(ReferralRow referral, String part) {
            this.referral = referral;
            this.part = part;
        }

        @Override
        public LocalDate endedOn() {
            return referral.endedOn();
        }

        @Override
        public boolean meets(ClockCondition condition) {
            return ClockConditions.holds(condition, referral.priority(), referral.source(),
                    JsonView.of(referral.data() == null ? Map.of() : Json.toMap(referral.data())), part,
                    referral.eligible());
        }
    }

    private static List<ClockCycle> cycles(List<ClockDefinition> clocks, ClockEngine.History history,
                                           JsonView settings, WorkingDays workingDays) {
        ClockEngine engine = new ClockEngine(workingDays);
        List<ClockCycle> cycles = new ArrayList<>();
        for (ClockDefinition clock : clocks) {
            cycles.addAll(engine.cycles(clock, history, settings));
        }
        return cycles;
    }

    /** Every clock the module defines, from the stored cycles. */
    List<ReferralView.Clock> views(UUID tenant, UUID referral, List<ClockDefinition> clocks, LocalDate today) {
        return views(stored.cycles(tenant, referral), clocks, today);
    }

    /** Every clock the module defines, its latest cycle's status today; NOT_STARTED when it has no cycle yet. */
    static List<ReferralView.Clock> views(List<ClockCycle> cycles, List<ClockDefinition> clocks, LocalDate today) {
        List<ReferralView.Clock> views = new ArrayList<>();
        for (ClockDefinition clock : clocks) {
            Optional<ClockCycle> latest = cycles.stream().filter(c -> c.code().equals(clock.code()))
                    .max(Comparator.comparingInt(ClockCycle::cycle));
            views.add(latest.map(c -> new ReferralView.Clock(clock.code(), clock.title(), clock.source().toString(),
                    c.statusOn(today), c.cycle(), c.startedOn(), c.dueOn(), c.metOn(), c.stoppedOn()))
                    .orElseGet(() -> new ReferralView.Clock(clock.code(), clock.title(), clock.source().toString(),
                            ClockStatus.NOT_STARTED, null, null, null, null, null)));
        }
        return views;
    }
}
