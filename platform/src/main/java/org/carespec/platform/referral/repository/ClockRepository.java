package org.carespec.platform.referral.repository;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.database.Sql;
import org.carespec.platform.referral.domain.ClockCycle;

/** A referral's clocks as stored, one row per cycle, so that the overdue list is an index range. */
@Singleton
public class ClockRepository {

    private final Sql sql;

    public ClockRepository(Sql sql) {
        this.sql = sql;
    }

    /** The dates each form was submitted for the referral, per form code, earliest first. */
    public Map<String, List<LocalDate>> formDates(UUID tenant, UUID referral) {
        return sql.list("select form_code, submitted_on from form_submission where tenant_id = ? and referral_id = ?"
                        + " order by submitted_on", List.of(tenant, referral),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public List<ClockCycle> cycles(UUID tenant, UUID referral) {
        return sql.list("select clock_code, cycle, started_on, due_on, met_on, stopped_on"
                + " from referral_clock where tenant_id = ? and referral_id = ?", List.of(tenant, referral),
                rs -> new ClockCycle(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)));
    }

    /** Replaces every stored cycle of the referral with these, in one delete and one insert. */
    public void replace(UUID tenant, ReferralRow referral, List<ClockCycle> cycles, boolean nothingStoredYet) {
        if (!nothingStoredYet) {
            sql.update("delete from referral_clock where tenant_id = ? and referral_id = ?",
                    List.of(tenant, referral.id()));
        }
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
}
