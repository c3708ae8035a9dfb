package org.carespec.platform.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Generates one contract's case record for the returns benchmark, straight into PostgreSQL as the owner (audit
 * triggers and foreign-key checks off for the load): people with equality monitoring, one referral each with its
 * events and two clocks, activities of five types (breaks, contacts, visits, signposting, referrals out to 200
 * agencies), group sessions with named attendance, and complaints and compliments, spread evenly over
 * {@code from}..{@code to}.
 */
final class ReturnsData {

    private ReturnsData() {
    }

    record Shape(int people, int activities, int attendances, LocalDate from, LocalDate to) {
    }

    static void fill(Connection c, UUID tenant, UUID provider, UUID contract, Shape shape) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("set local synchronous_commit = off");
            s.execute("create temporary table bench_person (n integer primary key, id uuid not null) on commit drop");
        }
        int days = (int) (shape.to().toEpochDay() - shape.from().toEpochDay());
        run(c, """
                with people as (
                    insert into person (tenant_id, id, provider_id, given_name, family_name, date_of_birth, postcode,
                                        equality)
                    select ?, gen_random_uuid(), ?, 'Carer', 'Bench' || g, date '1935-01-01' + (g * 7919 % 27000),
                           'HD' || (1 + g % 9) || ' ' || (g % 10) || 'AB',
                           jsonb_build_object(
                               'sex', (array['FEMALE','FEMALE','MALE','NOT_STATED'])[1 + g % 4],
                               'ethnicity', (array['A','A','A','A','B','C','D','H','J','K','M','N','R','S','Z','99'])[1 + g % 16],
                               'armedForces', (array['NONE','NONE','NONE','NONE','NONE','NONE','NONE','VETERAN','SERVING','NOT_STATED'])[1 + g % 10])
                    from generate_series(1, ?) g
                    returning id)
                insert into bench_person (n, id) select row_number() over (), id from people""",
                tenant, provider, shape.people());
        // One referral per person, received evenly over the span; outcomes by a stable random draw.
        run(c, """
                insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at, received_on,
                                      source, status, priority, eligible, outcome, outcome_reason, destination,
                                      decline_reason, ended_on)
                select ?, gen_random_uuid(), ?, ?, p.id, (d.on + time '10:00') at time zone 'Europe/London', d.on,
                       (array['MENTAL_HEALTH_PROFESSIONAL','MENTAL_HEALTH_PROFESSIONAL','OTHER_PROVIDER',
                              'CARERS_ASSESSMENT_TEAM','SELF','SELF','GP','OTHER'])[1 + p.n % 8],
                       o.status, case when p.n % 10 = 0 then 'HIGH' else 'ROUTINE' end, o.status <> 'DECLINED',
                       o.outcome, case when o.outcome = 'LEFT_BEFORE_GOALS_MET'
                           then (array['MOVED_AWAY','CARING_ENDED','NO_LONGER_WANTED','NOT_KNOWN'])[1 + p.n % 4] end,
                       case when o.outcome = 'MOVED_ON'
                           then (array['EMPLOYMENT','VOLUNTEERING','LEARNING','VOCATIONAL','OTHER_SERVICE'])[1 + p.n % 5] end,
                       case when o.status = 'DECLINED'
                           then (array['OUT_OF_AREA','NOT_ELIGIBLE_AGE','NO_MENTAL_HEALTH_NEED','DECLINED_SUPPORT'])[1 + p.n % 4] end,
                       case when o.status in ('CLOSED', 'DECLINED') then least(d.on + 30 + p.n % 300, ?::date) end
                from bench_person p
                cross join lateral (select ?::date + (p.n::bigint * ? / ?)::int as on) d
                cross join lateral (select case when p.n % 20 = 0 then 'DECLINED'
                                                when p.n % 20 < 12 then 'CLOSED'
                                                when p.n % 20 < 14 then 'WAITING' else 'IN_SERVICE' end as status,
                                           case when p.n % 20 = 0 or p.n % 20 >= 12 then null
                                                when p.n % 3 = 0 then 'MOVED_ON'
                                                when p.n % 3 = 1 then 'GOALS_MET' else 'LEFT_BEFORE_GOALS_MET' end
                                               as outcome) o""",
                tenant, contract, provider, shape.to(), shape.from(), days, shape.people());
        run(c, """
                insert into referral_event (tenant_id, id, referral_id, type, occurred_at, occurred_on, reason)
                select r.tenant_id, gen_random_uuid(), r.id, e.type, r.received_at + e.after, r.received_on + e.days,
                       case when e.type = 'DECLINED' then r.decline_reason end
                from referral r
                cross join lateral (values ('CONTACTED', interval '2 days', 2), ('ACCEPTED', interval '9 days', 9),
                                           ('DECLINED', interval '5 days', 5), ('CLOSED', interval '0 days', 0)) e(type, after, days)
                where r.tenant_id = ? and r.contract_id = ?
                  and (e.type = 'CONTACTED' or (e.type = 'DECLINED' and r.status = 'DECLINED')
                       or (e.type = 'ACCEPTED' and r.status <> 'DECLINED') or (e.type = 'CLOSED' and r.status = 'CLOSED'))""",
                tenant, contract);
        run(c, """
                insert into referral_clock (tenant_id, referral_id, clock_code, cycle, provider_id, contract_id,
                                            started_on, due_on, met_on, stopped_on)
                select r.tenant_id, r.id, k.code, 1, r.provider_id, r.contract_id, r.received_on, r.received_on + k.days,
                       case when r.status = 'WAITING' and k.code = 'initial-meeting' then null
                            else r.received_on + (hashtext(r.id::text || k.code) & 15) * k.days / 10 end,
                       case when r.status = 'DECLINED' then r.ended_on end
                from referral r cross join (values ('first-contact', 4), ('initial-meeting', 14)) k(code, days)
                where r.tenant_id = ? and r.contract_id = ?""", tenant, contract);
        run(c, """
                insert into activity (tenant_id, id, contract_id, provider_id, person_id, type, occurred_on,
                                      duration_minutes, agency)
                select ?, gen_random_uuid(), ?, ?, p.id, t.type, ?::date + (g::bigint * ? / ?)::int,
                       case when t.type = 'BREAK' then 120 + g % 5 * 60 else 15 + g % 6 * 15 end,
                       case when t.type in ('SIGNPOSTING', 'REFERRAL_OUT') then 'Agency ' || (g * 31 % 200) end
                from generate_series(1, ?) g
                join bench_person p on p.n = 1 + (g::bigint * 7919 % ?)
                cross join lateral (select (array['CONTACT','CONTACT','CONTACT','CONTACT','CONTACT','VISIT','VISIT',
                                                  'BREAK','BREAK','BREAK','SIGNPOSTING','REFERRAL_OUT'])[1 + g % 12]
                                           as type) t""",
                tenant, contract, provider, shape.from(), days, shape.activities(), shape.activities(), shape.people());
        int sessions = Math.max(1, shape.attendances() / 20);
        run(c, """
                insert into group_session (tenant_id, id, contract_id, provider_id, type, held_on)
                select ?, gen_random_uuid(), ?, ?,
                       (array['SUPPORT_GROUP','FORUM','CARER_TRAINING','REFERRER_AWARENESS','STAFF_TRAINING'])[1 + g % 5],
                       ?::date + (g::bigint * ? / ?)::int
                from generate_series(1, ?) g""",
                tenant, contract, provider, shape.from(), days, sessions, sessions);
        run(c, """
                insert into group_attendance (tenant_id, session_id, person_id)
                select s.tenant_id, s.id, p.id
                from (select tenant_id, id, row_number() over (order by held_on, id) as k from group_session
                      where tenant_id = ? and contract_id = ?) s
                cross join generate_series(0, 19) seat
                join bench_person p on p.n = 1 + ((s.k * 20 + seat) * 104729 % ?)
                on conflict do nothing""", tenant, contract, shape.people());
        run(c, """
                insert into feedback (tenant_id, id, contract_id, kind, received_on, summary_enc, status)
                select ?, gen_random_uuid(), ?, case when g % 4 = 0 then 'COMPLAINT' else 'COMPLIMENT' end,
                       ?::date + (g::bigint * ? / ?)::int, '\\x00'::bytea, 'RESOLVED'
                from generate_series(1, ?) g""",
                tenant, contract, shape.from(), days, shape.people() / 100, shape.people() / 100);
        c.commit();
        c.setAutoCommit(true);
    }

    static void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) person, referral, referral_event, referral_clock, activity, group_session,"
                    + " group_attendance, feedback");
        }
    }

    private static void run(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }
}
