package org.carespec.platform.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk case records for the benchmark, written straight into the tables by a superuser (row security and triggers
 * off, as for a data migration): per provider, people with one referral each, nine in ten closed over the last three
 * years and the rest open from the last sixty days, each with the fixture module's two receipt clocks. Generated at
 * benchmark time, never committed.
 */
final class BenchmarkData {

    private BenchmarkData() {
    }

    /** Adds {@code count} people, their referrals and their clocks to one provider's contract. */
    static void fill(Connection c, UUID tenant, UUID provider, UUID contract, int count) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("set local synchronous_commit = off");
        }
        try (PreparedStatement people = c.prepareStatement("""
                with people as (
                    insert into person (tenant_id, id, provider_id, given_name, family_name, date_of_birth, postcode,
                                        equality)
                    select ?, gen_random_uuid(), ?,
                           (array['Asha','Ben','Carys','Dev','Eve','Finn','Gita','Huw','Iona','Jas'])[1 + g % 10],
                           'Bench' || g, date '1940-01-01' + (g * 7919 % 25000),
                           'HD' || (1 + g % 9) || ' ' || (g % 10) || 'AB',
                           jsonb_build_object('sex', case when g % 2 = 0 then 'FEMALE' else 'MALE' end)
                    from generate_series(1, ?) g
                    returning id, random() as r, random() as spread)
                insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at, received_on,
                                      source, status, priority, eligible, ended_on)
                select ?, gen_random_uuid(), ?, ?, p.id, t.at, (t.at at time zone 'Europe/London')::date,
                       case when (p.r * 1000)::int % 10 < 8 then 'GP' else 'SELF' end, s.status,
                       case when (p.r * 100)::int % 10 < 1 then 'HIGH' else 'ROUTINE' end, true,
                       case when s.status = 'CLOSED' then (t.at + interval '90 days')::date end
                from people p
                cross join lateral (select case when p.r < 0.90 then 'CLOSED' when p.r < 0.94 then 'RECEIVED'
                                                when p.r < 0.97 then 'CONTACTED' else 'ACCEPTED' end as status) s
                cross join lateral (select now() - p.spread * case when s.status = 'CLOSED' then interval '1095 days'
                                                                  else interval '60 days' end as at) t
                """)) {
            people.setObject(1, tenant);
            people.setObject(2, provider);
            people.setInt(3, count);
            people.setObject(4, tenant);
            people.setObject(5, contract);
            people.setObject(6, provider);
            people.executeUpdate();
        }
        try (PreparedStatement clocks = c.prepareStatement("""
                insert into referral_clock (tenant_id, referral_id, clock_code, cycle, provider_id, contract_id,
                                            started_on, due_on, met_on)
                select r.tenant_id, r.id, k.code, 1, r.provider_id, r.contract_id, r.received_on,
                       r.received_on + k.days,
                       case when r.status = 'RECEIVED' or (k.code = 'assessed' and r.status = 'CONTACTED') then null
                            else r.received_on + (random() * (k.days + 3))::int end
                from referral r
                cross join (values ('first-contact', 5), ('assessed', 14)) k(code, days)
                where r.tenant_id = ? and r.provider_id = ?""")) {
            clocks.setObject(1, tenant);
            clocks.setObject(2, provider);
            clocks.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * Removes what earlier runs created through the API (their referrals have a form; the generator's have none),
     * so that every run starts from the same data: otherwise each run left some 100,000 referrals behind and the
     * overdue lists grew from run to run. Returns how many referrals went.
     */
    static long forgetEarlierRuns(Connection c) throws SQLException {
        c.setAutoCommit(false);
        long removed;
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica"); // as generated: no audit of the clean-up
            s.executeUpdate("""
                    delete from referral_clock k using referral r, tenant t
                    where r.tenant_id = k.tenant_id and r.id = k.referral_id and t.id = r.tenant_id
                      and t.slug like 'bench-%' and r.form_code is not null""");
            removed = s.executeUpdate("""
                    delete from referral r using tenant t
                    where t.id = r.tenant_id and t.slug like 'bench-%' and r.form_code is not null""");
        }
        c.commit();
        c.setAutoCommit(true);
        return removed;
    }

    static void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) person, referral, referral_clock");
        }
    }

    /** The median of timings in nanoseconds, in milliseconds. */
    static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A random sample of one provider's people, to refer again under load. */
    static List<String> samplePeople(Connection c, UUID tenant, UUID provider, int size) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from person"
                + " where tenant_id = ? and provider_id = ? order by random() limit ?")) {
            s.setObject(1, tenant);
            s.setObject(2, provider);
            s.setInt(3, size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
