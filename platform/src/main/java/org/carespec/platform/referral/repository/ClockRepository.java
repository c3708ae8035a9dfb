package org.carespec.platform.referral.repository;

import io.micronaut.context.event.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher<ClocksChanged> changes;

    public ClockRepository(Sql sql, ApplicationEventPublisher<ClocksChanged> changes) {
        this.sql = sql;
        this.changes = changes;
    }

    /** The dates records of each type were made for the referral, per type code, earliest first. */
    public Map<String, List<LocalDate>> recordDates(UUID tenant, UUID referral) {
        return group(sql.list("select type_code, recorded_on from record where tenant_id = ? and referral_id = ?"
                        + " order by recorded_on", List.of(tenant, referral),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))));
    }

    /**
     * The dates records of the referral reached each status, keyed "type|status", earliest first: the current status
     * of each record and those of its earlier revisions.
     */
    public Map<String, List<LocalDate>> statusDates(UUID tenant, UUID referral) {
        return group(sql.list("""
                        select r.type_code || '|' || r.status, r.status_on from record r
                        where r.tenant_id = ? and r.referral_id = ? and r.status is not null
                        union
                        select r.type_code || '|' || v.status, v.status_on from record_revision v
                        join record r on r.tenant_id = v.tenant_id and r.id = v.record_id
                        where r.tenant_id = ? and r.referral_id = ? and v.status is not null
                        order by 2""", List.of(tenant, referral, tenant, referral),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))));
    }

    private static Map<String, List<LocalDate>> group(List<Map.Entry<String, LocalDate>> dates) {
        return dates.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The dates each of the module's own events happened for the referral, per code, earliest first. */
    public Map<String, List<LocalDate>> moduleEventDates(UUID tenant, UUID referral) {
        return group(sql.list("select code, occurred_on from referral_module_event where tenant_id = ?"
                        + " and referral_id = ? order by occurred_on", List.of(tenant, referral),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))));
    }

    /**
     * The whole number at a path of the plain data of the latest record of a type made for the referral on or before
     * a day (as the record now stands), for a deadline a case may shorten.
     */
    public java.util.Optional<Integer> caseAmount(UUID tenant, UUID referral, String type, String[] path,
                                                  LocalDate asOf) {
        if (type.equals(org.carespec.plugin.api.clock.Deadline.PerCase.PLAN)) {
            // the referral's agreed plan, the latest agreed by then: its own review interval (002 §4.12)
            return sql.one("""
                            select review_months from plan where tenant_id = ? and referral_id = ? and agreed_on <= ?
                            order by agreed_on desc, created_at desc limit 1""",
                    List.of(tenant, referral, asOf), rs -> rs.getInt(1));
        }
        return sql.one("""
                        select data #> ? from record
                        where tenant_id = ? and referral_id = ? and type_code = ? and recorded_on <= ?
                        order by recorded_on desc, created_at desc limit 1""",
                Arrays.asList(path, tenant, referral, type, asOf),
                rs -> java.util.Optional.ofNullable(rs.getString(1))).flatMap(v -> v)
                .filter(v -> v.matches("[0-9]{1,6}")).map(Integer::valueOf);
    }

    /** The referred person's date of birth, for clocks that start or stop on a birthday. */
    public java.util.Optional<LocalDate> dateOfBirth(UUID tenant, UUID person) {
        return sql.one("select date_of_birth from person where tenant_id = ? and id = ?", List.of(tenant, person),
                rs -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class))).flatMap(d -> d);
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
        changes.publishEvent(new ClocksChanged(tenant, referral.providerId()));
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
