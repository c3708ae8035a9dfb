package org.carespec.platform.benchmark;

import java.util.List;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.Specification;
import org.carespec.plugin.api.kpi.Breakdown;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;

/**
 * The module of the returns benchmark: eighteen quarterly KPIs with the shapes of a real return (002 §5.4, the
 * Carers Options monitoring return): people supported, waiting and how long, referrals by source, reasons not
 * accepted, breaks and hours, age and gender, ethnicity, ex-service personnel, complaints and compliments, leaving
 * early by reason, moving on by destination, links with other services, clock performance and group attendance.
 * It exists only in the benchmark's application context ({@link BenchmarkPluginSource}).
 */
public class ReturnBenchPlugin implements CarespecPlugin {

    static final SpecReference SOURCE = SpecReference.of("002", "§5.4");
    static final String SUPPORTED = """
            select person_id from reporting.activity where occurred_on >= :period_start and occurred_on < :period_end
            union
            select person_id from reporting.group_attendance where held_on >= :period_start and held_on < :period_end""";
    static final String WAITING = """
            select :period_end - c.started_on as days from reporting.referral_clock c
            where c.clock_code = 'initial-meeting' and c.started_on < :period_end
              and (c.met_on is null or c.met_on >= :period_end) and (c.stopped_on is null or c.stopped_on >= :period_end)""";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("return-bench", "Returns benchmark", "1.0.0", "[2.0,3.0)",
                new Specification("BENCH/1", "Returns benchmark", "Benchmark", "benchmark"));
    }

    @Override
    public void contribute(Contributions c) {
        for (KpiDefinition kpi : kpis()) {
            c.kpi(kpi);
        }
    }

    static List<KpiDefinition> kpis() {
        return List.of(
                kpi("B01", "People using the service", KpiUnit.COUNT, List.of(),
                        "select count(*) as value from (" + SUPPORTED + ") u"),
                kpi("B02", "People waiting at the end of the quarter", KpiUnit.COUNT, List.of(),
                        "select count(*) as value from (" + WAITING + ") w"),
                kpi("B03", "Time waiting, median and longest (days)", KpiUnit.DAYS, List.of(new Breakdown("reason", "Reason")),
                        "with w as (" + WAITING + ") select null as dimension, null as category,"
                                + " percentile_cont(0.5) within group (order by days) as value from w"
                                + " union all select 'measure', 'longest', max(days) from w"),
                kpi("B04", "Referrals received, by source", KpiUnit.COUNT, List.of(new Breakdown("source", "Referral source")),
                        "select null as dimension, null as category, count(*) as value from reporting.referral"
                                + " where received_on >= :period_start and received_on < :period_end"
                                + " union all select 'source', source, count(*) from reporting.referral"
                                + " where received_on >= :period_start and received_on < :period_end group by source"),
                kpi("B05", "Referrals not accepted, by reason", KpiUnit.COUNT, List.of(new Breakdown("reason", "Reason")),
                        "with d as (select reason from reporting.referral_event where type = 'DECLINED'"
                                + " and occurred_on >= :period_start and occurred_on < :period_end)"
                                + " select null as dimension, null as category, count(*) as value from d"
                                + " union all select 'reason', coalesce(reason, 'NOT_RECORDED'), count(*) from d"
                                + " group by reason"),
                kpi("B06", "Breaks provided (and hours)", KpiUnit.COUNT, List.of(new Breakdown("activity", "Activity")),
                        "with b as (select duration_minutes from reporting.activity where type = 'BREAK'"
                                + " and occurred_on >= :period_start and occurred_on < :period_end)"
                                + " select null as dimension, null as category, count(*) as value from b"
                                + " union all select 'measure', 'hours', round(coalesce(sum(duration_minutes), 0)"
                                + " / 60.0, 1) from b"),
                // Ages from two cut-off dates worked out once: age() per row costs ~2 µs, 0.2 s for 80,000 people.
                kpi("B07", "People using the service by age and gender", KpiUnit.COUNT,
                        List.of(new Breakdown("age-band", "Age band"), new Breakdown("gender", "Gender")),
                        "with p as (select case when x.date_of_birth is null then 'NOT_KNOWN'"
                                + " when x.date_of_birth > (:period_end - interval '18 years')::date then 'UNDER_18'"
                                + " when x.date_of_birth > (:period_end - interval '65 years')::date then '18_64'"
                                + " else '65_PLUS' end as band, coalesce(x.equality ->> 'sex', 'NOT_STATED') as sex"
                                + " from (" + SUPPORTED + ") u join reporting.person x on x.id = u.person_id)"
                                + " select case when grouping(band) = 0 then 'age-gender' end as dimension,"
                                + " band || ' ' || sex as category, count(*) as value from p"
                                + " group by grouping sets ((), (band, sex))"),
                kpi("B08", "Ex-service personnel using the service", KpiUnit.COUNT, List.of(),
                        "select count(*) as value from (" + SUPPORTED + ") u join reporting.person x"
                                + " on x.id = u.person_id where x.equality ->> 'armedForces' in ('VETERAN', 'SERVING')"),
                kpi("B09", "People using the service by ethnicity", KpiUnit.COUNT,
                        List.of(new Breakdown("ethnicity", "Ethnicity")),
                        "select case when grouping(e.ethnicity) = 0 then 'ethnicity' end as dimension,"
                                + " e.ethnicity as category, count(*) as value"
                                + " from (select coalesce(x.equality ->> 'ethnicity', '99') as ethnicity from ("
                                + SUPPORTED + ") u join reporting.person x on x.id = u.person_id) e"
                                + " group by rollup (e.ethnicity)"),
                kpi("B10", "Complaints", KpiUnit.COUNT, List.of(),
                        "select count(*) as value from reporting.feedback where kind = 'COMPLAINT'"
                                + " and received_on >= :period_start and received_on < :period_end"),
                kpi("B11", "Compliments", KpiUnit.COUNT, List.of(),
                        "select count(*) as value from reporting.feedback where kind = 'COMPLIMENT'"
                                + " and received_on >= :period_start and received_on < :period_end"),
                kpi("B12", "Left before meeting their goals, by reason", KpiUnit.COUNT, List.of(new Breakdown("reason", "Reason")),
                        "with l as (select outcome_reason from reporting.referral where outcome = 'LEFT_BEFORE_GOALS_MET'"
                                + " and ended_on >= :period_start and ended_on < :period_end)"
                                + " select null as dimension, null as category, count(*) as value from l"
                                + " union all select 'reason', coalesce(outcome_reason, 'NOT_RECORDED'), count(*)"
                                + " from l group by outcome_reason"),
                kpi("B13", "Moving on, by destination", KpiUnit.COUNT, List.of(new Breakdown("reason", "Reason")),
                        "with m as (select destination from reporting.referral where outcome = 'MOVED_ON'"
                                + " and ended_on >= :period_start and ended_on < :period_end)"
                                + " select null as dimension, null as category, count(*) as value from m"
                                + " union all select 'destination', coalesce(destination, 'OTHER'), count(*) from m"
                                + " group by destination"),
                kpi("B14", "Links with other services, new and regular", KpiUnit.COUNT, List.of(new Breakdown("activity", "Activity")),
                        "with q as (select distinct agency from reporting.activity where agency is not null"
                                + " and type in ('SIGNPOSTING', 'REFERRAL_OUT')"
                                + " and occurred_on >= :period_start and occurred_on < :period_end),"
                                + " l as (select agency, not exists (select from reporting.activity a"
                                + " where a.agency = q.agency and a.type in ('SIGNPOSTING', 'REFERRAL_OUT')"
                                + " and a.occurred_on < :period_start) as new from q)"
                                + " select null as dimension, null as category, count(*) as value from l"
                                + " union all select 'link', case when new then 'new' else 'regular' end, count(*)"
                                + " from l group by new"),
                percentage("B15", "First contact within 3 working days", "first-contact"),
                percentage("B16", "Initial meeting within 10 working days", "initial-meeting"),
                kpi("B17", "Group sessions held, and attendance by type", KpiUnit.COUNT, List.of(new Breakdown("activity", "Activity")),
                        "select null as dimension, null as category, count(*) as value from reporting.group_session"
                                + " where held_on >= :period_start and held_on < :period_end"
                                + " union all select 'attendance', session_type, count(*) from reporting.group_attendance"
                                + " where held_on >= :period_start and held_on < :period_end group by session_type"),
                kpi("B18", "Activities by type", KpiUnit.COUNT, List.of(new Breakdown("activity", "Activity")),
                        "select case when grouping(type) = 0 then 'activity' end as dimension, type as category,"
                                + " count(*) as value from reporting.activity"
                                + " where occurred_on >= :period_start and occurred_on < :period_end"
                                + " group by rollup (type)"));
    }

    private static KpiDefinition percentage(String code, String title, String clock) {
        return kpi(code, title, KpiUnit.PERCENTAGE, List.of(),
                "select round(100.0 * count(*) filter (where met_on <= due_on) / nullif(count(*), 0), 1) as value,"
                        + " count(*) filter (where met_on <= due_on) as numerator, count(*) as denominator"
                        + " from reporting.referral_clock where clock_code = '" + clock + "'"
                        + " and started_on >= :period_start and started_on < :period_end");
    }

    private static KpiDefinition kpi(String code, String title, KpiUnit unit, List<Breakdown> breakdowns, String sql) {
        return KpiDefinition.quarterly(code, title, SOURCE, unit, KpiComputation.sql(sql),
                breakdowns.toArray(new Breakdown[0]));
    }
}
