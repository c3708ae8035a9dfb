package org.carespec.platform.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Generates one contract's records for the records benchmark, straight into PostgreSQL as the owner (audit triggers
 * and key checks off for the load), spread evenly over {@code from}..{@code to}: of every 20 records, 6 training
 * sessions (headcounts by sex and by ethnic group), 11 engagements (one to three partners of 200), 2 working-group
 * actions linked to the meeting made just before them (1 of the 20), two thirds of the actions done.
 */
final class RecordsData {

    private RecordsData() {
    }

    static void fill(Connection c, UUID tenant, UUID provider, UUID contract, int records, LocalDate from, LocalDate to)
            throws SQLException {
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("set local synchronous_commit = off");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into record (tenant_id, id, contract_id, provider_id, type_code, type_version, status, status_on,
                                    data, recorded_on, recorded_by)
                select ?, md5(?::text || g)::uuid, ?, ?, k.type,
                       1, case when k.type = 'action' then (case when g % 3 = 0 then 'OPEN' else 'DONE' end) end,
                       case when k.type = 'action' then d.on + (case when g % 3 = 0 then 0 else 20 end) end,
                       case k.type
                           when 'training-session' then jsonb_build_object('topic', 'Session ' || g,
                               'attendees', 10 + g % 7,
                               'bySex', jsonb_build_object('F', 5 + g % 4, 'M', 5 + g % 7 - g % 4),
                               'byRace', jsonb_build_object('WHITE', 6, 'BLACK', 2 + g % 3, 'ASIAN', 2 + g % 7 - g % 3))
                           when 'engagement' then jsonb_build_object('partners',
                               (select jsonb_agg('A' || ((g * 7 + i * 13) % 200)) from generate_series(0, g % 3) i))
                           when 'meeting' then jsonb_build_object('notes', 'Meeting ' || g)
                           else jsonb_build_object('action', 'Action ' || g) end,
                       d.on, 'bench'
                from generate_series(1, ?) g
                cross join lateral (select case when g % 20 < 6 then 'training-session'
                                                when g % 20 < 17 then 'engagement'
                                                when g % 20 = 17 then 'meeting' else 'action' end as type) k
                cross join lateral (select ?::date + (g::bigint * ? / ?)::int as on) d""")) {
            ps.setObject(1, tenant);
            ps.setObject(2, contract);
            ps.setObject(3, contract);
            ps.setObject(4, provider);
            ps.setInt(5, records);
            ps.setObject(6, from);
            ps.setInt(7, days);
            ps.setInt(8, records);
            ps.executeUpdate();
        }
        // Ids are md5(contract || g), so each action (g mod 20 = 18 or 19) names the meeting made just before it
        // (g - g mod 20 + 17) without a join.
        try (PreparedStatement ps = c.prepareStatement("""
                insert into record_link (tenant_id, record_id, name, target_id, contract_id)
                select ?, md5(?::text || g)::uuid, 'meeting', md5(?::text || (g - g % 20 + 17))::uuid, ?
                from generate_series(1, ?) g where g % 20 >= 18""")) {
            ps.setObject(1, tenant);
            ps.setObject(2, contract);
            ps.setObject(3, contract);
            ps.setObject(4, contract);
            ps.setInt(5, records);
            ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) record, record_link");
        }
    }
}
