package org.carespec.platform.referral.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.database.Sql;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ClockEngine;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Milestone;

/**
 * Keeps each referral's clocks: recomputed from its receipt, events and forms whenever one arrives, stored one row
 * per cycle (so the overdue list is an index range), and turned into statuses against today's date when read.
 */
@Singleton
public class ReferralClocks {

    private final Sql sql;
    private final WorkingDayCalendar calendar;

    public ReferralClocks(Sql sql, WorkingDayCalendar calendar) {
        this.sql = sql;
        this.calendar = calendar;
    }

    /** Recomputes and stores every clock of a referral. */
    void recompute(UUID tenant, ReferralRow referral, List<ClockDefinition> clocks, List<EventRow> events,
                   JsonView settings, Nation nation) {
        Map<String, List<LocalDate>> forms = sql.list("select form_code, submitted_on from form_submission"
                        + " where tenant_id = ? and referral_id = ? order by submitted_on", List.of(tenant, referral.id()),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        ClockEngine.History history = new ClockEngine.History() {
            @Override
            public List<LocalDate> datesOf(Milestone milestone) {
                if (milestone instanceof Milestone.Received) {
                    return List.of(referral.receivedOn());
                }
                if (milestone instanceof Milestone.Event e) {
                    return events.stream().filter(x -> x.type() == e.type()).map(EventRow::occurredOn).sorted().toList();
                }
                Milestone.FormSubmitted f = (Milestone.FormSubmitted) milestone;
                return forms.getOrDefault(f.formCode(), List.of()).stream().sorted().toList();
            }

            @Override
            public LocalDate endedOn() {
                return referral.endedOn();
            }
        };
        sql.update("delete from referral_clock where tenant_id = ? and referral_id = ?", List.of(tenant, referral.id()));
        store(tenant, referral, cycles(clocks, history, settings, nation));
    }

    /** The clocks of a referral just received: nothing has happened yet and nothing is stored to replace. */
    List<ClockCycle> start(UUID tenant, ReferralRow referral, List<ClockDefinition> clocks, JsonView settings,
                           Nation nation) {
        ClockEngine.History history = new ClockEngine.History() {
            @Override
            public List<LocalDate> datesOf(Milestone milestone) {
                return milestone instanceof Milestone.Received ? List.of(referral.receivedOn()) : List.of();
            }

            @Override
            public LocalDate endedOn() {
                return referral.endedOn();
            }
        };
        List<ClockCycle> cycles = cycles(clocks, history, settings, nation);
        store(tenant, referral, cycles);
        return cycles;
    }

    private List<ClockCycle> cycles(List<ClockDefinition> clocks, ClockEngine.History history, JsonView settings,
                                    Nation nation) {
        ClockEngine engine = new ClockEngine((date, n) -> calendar.workingDaysAfter(date, n, nation));
        List<ClockCycle> cycles = new ArrayList<>();
        for (ClockDefinition clock : clocks) {
            cycles.addAll(engine.cycles(clock, history, settings));
        }
        return cycles;
    }

    /** All cycles in one statement. */
    private void store(UUID tenant, ReferralRow referral, List<ClockCycle> cycles) {
        if (cycles.isEmpty()) {
            return;
        }
        StringBuilder statement = new StringBuilder("insert into referral_clock (tenant_id, referral_id, clock_code,"
                + " cycle, provider_id, contract_id, started_on, due_on, met_on, stopped_on) values ");
        List<Object> parameters = new ArrayList<>();
        for (ClockCycle cycle : cycles) {
            statement.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(Arrays.asList(tenant, referral.id(), cycle.code(), cycle.cycle(), referral.providerId(),
                    referral.contractId(), cycle.startedOn(), cycle.dueOn(), cycle.metOn(), cycle.stoppedOn()));
        }
        sql.update(statement.toString(), parameters);
    }

    /** Every clock the module defines, its latest cycle's status today; NOT_STARTED when it has no cycle yet. */
    List<ReferralView.Clock> views(UUID tenant, UUID referral, List<ClockDefinition> clocks, LocalDate today) {
        return views(sql.list("select clock_code, cycle, started_on, due_on, met_on, stopped_on"
                + " from referral_clock where tenant_id = ? and referral_id = ?", List.of(tenant, referral),
                rs -> new ClockCycle(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class))), clocks, today);
    }

    /** The views of cycles already in hand. */
    List<ReferralView.Clock> views(List<ClockCycle> stored, List<ClockDefinition> clocks, LocalDate today) {
        List<ReferralView.Clock> views = new ArrayList<>();
        for (ClockDefinition clock : clocks) {
            Optional<ClockCycle> latest = stored.stream().filter(c -> c.code().equals(clock.code()))
                    .max(Comparator.comparingInt(ClockCycle::cycle));
            views.add(latest.map(c -> new ReferralView.Clock(clock.code(), clock.title(), clock.source().toString(),
                    c.statusOn(today), c.cycle(), c.startedOn(), c.dueOn(), c.metOn(), c.stoppedOn()))
                    .orElseGet(() -> new ReferralView.Clock(clock.code(), clock.title(), clock.source().toString(),
                            org.carespec.platform.referral.domain.ClockStatus.NOT_STARTED, null, null, null, null,
                            null)));
        }
        return views;
    }
}
