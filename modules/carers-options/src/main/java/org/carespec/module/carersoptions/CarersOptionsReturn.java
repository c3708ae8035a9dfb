package org.carespec.module.carersoptions;

import java.util.List;
import org.carespec.plugin.api.kpi.Breakdown;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.carespec.plugin.api.kpi.NarrativeDefinition;

/**
 * The quarterly monitoring report (002 §5.4), every line in the specification's order (CO01-CO18), and four
 * lines the commissioner added (CO19-CO22: the §4.11 response times, the §4.12 reviews and the §1.7 value for
 * money). Figures are computed from the case record through the platform's reporting views; unmet needs and
 * testimony are written by the provider's manager.
 */
final class CarersOptionsReturn {

    /** Carers who used the service in the quarter: an activity with them, or a group they attended. */
    static final String USING = """
            select person_id from reporting.activity where occurred_on >= :period_start and occurred_on < :period_end
            union
            select person_id from reporting.group_attendance where held_on >= :period_start and held_on < :period_end""";

    /** Referrals still waiting for their initial meeting (§4.11) when the quarter ended, and for how many days. */
    static final String WAITING = """
            select :period_end - c.started_on as days from reporting.referral_clock c
            where c.clock_code = 'initial-meeting' and c.started_on < :period_end
              and (c.met_on is null or c.met_on >= :period_end) and (c.stopped_on is null or c.stopped_on >= :period_end)""";

    static final String IN_QUARTER = ">= :period_start and %1$s < :period_end";

    static final List<KpiDefinition> KPIS = List.of(
            count("CO01", "Number of people using the service", "select count(*) as value from (" + USING + ") u"),
            count("CO02", "Number of people waiting for a service", "select count(*) as value from (" + WAITING + ") w"),
            kpi("CO03", "Time waiting (days): median, with the longest as a breakdown", KpiUnit.DAYS,
                    "with w as (" + WAITING + ") select null as dimension, null as category,"
                            + " percentile_cont(0.5) within group (order by days) as value from w"
                            + " union all select 'measure', 'longest', max(days) from w",
                    new Breakdown("measure", "Measure")),
            count("CO04", "Number of people referred for a Carers Led Assessment",
                    "select count(distinct person_id) as value from reporting.activity where type = 'CLA_REFERRAL'"
                            + " and occurred_on " + in("occurred_on")),
            count("CO05", "Number of people referred for a re-assessment",
                    "select count(distinct person_id) as value from reporting.activity"
                            + " where type = 'REASSESSMENT_REFERRAL' and occurred_on " + in("occurred_on")),
            kpi("CO06", "Number of breaks provided (with hours as a breakdown)", KpiUnit.COUNT,
                    "select null as dimension, null as category, count(*) as value from reporting.activity"
                            + " where type = 'BREAK' and occurred_on " + in("occurred_on")
                            + " union all select 'measure', 'hours', round(coalesce(sum(duration_minutes), 0) / 60.0, 1)"
                            + " from reporting.activity where type = 'BREAK' and occurred_on " + in("occurred_on"),
                    new Breakdown("measure", "Measure")),
            // Ages on the quarter's last day, from two cut-off dates worked out once (docs/plugin-guide.md).
            kpi("CO07", "Age and gender of people using the service", KpiUnit.COUNT,
                    "with p as (select case when x.date_of_birth is null then 'NOT_KNOWN'"
                            + " when x.date_of_birth > (:period_end - 1 - interval '18 years')::date then 'UNDER_18'"
                            + " when x.date_of_birth > (:period_end - 1 - interval '65 years')::date then '18_64'"
                            + " else '65_AND_OVER' end as band, coalesce(x.equality ->> 'sex', 'NOT_STATED') as sex"
                            + " from (" + USING + ") u join reporting.person x on x.id = u.person_id)"
                            + " select case when grouping(band) = 0 then 'age-gender' end as dimension,"
                            + " band || ' ' || sex as category, count(*) as value from p"
                            + " group by grouping sets ((), (band, sex))",
                    new Breakdown("age-gender", "Age band and gender")),
            count("CO08", "Number of ex-service personnel the service is supporting",
                    "select count(*) as value from (" + USING + ") u join reporting.person x on x.id = u.person_id"
                            + " where x.equality ->> 'armedForces' = 'VETERAN'"),
            countedBy("CO09", "Ethnicity of people using the service (NHS ethnic category)", "ethnicity",
                    "Ethnic category", "coalesce(x.equality ->> 'ethnicity', '99')",
                    "(" + USING + ") u join reporting.person x on x.id = u.person_id"),
            count("CO10", "Complaints", "select count(*) as value from reporting.feedback where kind = 'COMPLAINT'"
                    + " and received_on " + in("received_on")),
            count("CO11", "Compliments", "select count(*) as value from reporting.feedback where kind = 'COMPLIMENT'"
                    + " and received_on " + in("received_on")),
            countedBy("CO12", "Number of referrals, and where from", "source", "Referral source", "source",
                    "reporting.referral where received_on " + in("received_on")),
            countedBy("CO13", "Reasons for individuals not being accepted into the service", "reason",
                    "Reason not accepted", "coalesce(reason, 'OTHER')",
                    "reporting.referral_event where type = 'DECLINED' and occurred_on " + in("occurred_on")),
            countedBy("CO14", "Number of people leaving before meeting the goals of their plan, and reasons", "reason",
                    "Reason for leaving", "coalesce(outcome_reason, 'OTHER')",
                    "reporting.referral where outcome = 'LEFT_BEFORE_GOALS_MET' and ended_on " + in("ended_on")),
            countedBy("CO16", "Number of people moving on from the service, by outcome", "destination",
                    "Moving on to", "coalesce(destination, 'OTHER_SERVICE')",
                    "reporting.referral where outcome = 'MOVED_ON' and ended_on " + in("ended_on")),
            // §4.15: a link is an agency the service signposted or referred to; new when first used this quarter.
            kpi("CO17", "Links developed with other services, new and regular", KpiUnit.COUNT,
                    "with q as (select distinct agency from reporting.activity where agency is not null"
                            + " and type in ('SIGNPOSTING', 'REFERRAL_OUT') and occurred_on " + in("occurred_on")
                            + "), l as (select agency, not exists (select from reporting.activity a"
                            + " where a.agency = q.agency and a.type in ('SIGNPOSTING', 'REFERRAL_OUT')"
                            + " and a.occurred_on < :period_start) as new from q)"
                            + " select case when grouping(new) = 0 then 'link' end as dimension,"
                            + " case when new then 'new' else 'regular' end as category, count(*) as value from l"
                            + " group by rollup (new)",
                    new Breakdown("link", "New or regular")),
            percentage("CO19", "First contact within 3 working days of receipt", "first-contact",
                    "started_on " + in("started_on")),
            percentage("CO20", "Initial meeting within 10 working days of receipt", "initial-meeting",
                    "started_on " + in("started_on")),
            percentage("CO21", "Well-being Plan reviews done on time (due in the quarter)", "plan-review",
                    "due_on " + in("due_on")),
            // §1.7: a quarter of the annual value, per carer using the service and per break.
            kpi("CO22", "Cost per carer supported (with cost per break as a breakdown)", KpiUnit.MONEY,
                    "with money as (select annual_value_pence / 400.0 as quarter from reporting.contract),"
                            + " carers as (select count(*) as n from (" + USING + ") u),"
                            + " breaks as (select count(*) as n from reporting.activity where type = 'BREAK'"
                            + " and occurred_on " + in("occurred_on") + ")"
                            + " select null as dimension, null as category,"
                            + " round(money.quarter / nullif(carers.n, 0), 2) as value, round(money.quarter, 2)"
                            + " as numerator, carers.n as denominator from money, carers"
                            + " union all select 'measure', 'per-break', round(money.quarter / nullif(breaks.n, 0), 2),"
                            + " round(money.quarter, 2), breaks.n from money, breaks",
                    new Breakdown("measure", "Measure")));

    static final List<NarrativeDefinition> NARRATIVES = List.of(
            new NarrativeDefinition("CO15", "Unmet needs", Sections.RETURN_CONTENT,
                    "Needs the service could not meet this quarter, and gaps in support for carers (also §3.6)."),
            new NarrativeDefinition("CO18", "Testimony", Sections.RETURN_CONTENT,
                    "What carers said about the service, in their words and with their consent."));

    private CarersOptionsReturn() {
    }

    private static String in(String column) {
        return String.format(IN_QUARTER, column);
    }

    private static KpiDefinition count(String code, String title, String sql) {
        return KpiDefinition.quarterly(code, title, Sections.RETURN_CONTENT, KpiUnit.COUNT, KpiComputation.sql(sql));
    }

    private static KpiDefinition kpi(String code, String title, KpiUnit unit, String sql, Breakdown breakdown) {
        return KpiDefinition.quarterly(code, title, code.compareTo("CO19") >= 0 ? extraSource(code)
                : Sections.RETURN_CONTENT, unit, KpiComputation.sql(sql), breakdown);
    }

    /**
     * A count with its breakdown in one pass: each row of {@code from} falls in the category {@code category}
     * gives; the row without a dimension is the total (rollup).
     */
    private static KpiDefinition countedBy(String code, String title, String dimension, String dimensionTitle,
                                           String category, String from) {
        return kpi(code, title, KpiUnit.COUNT, "select case when grouping(category) = 0 then '" + dimension + "' end"
                        + " as dimension, category, count(*) as value from (select " + category + " as category from "
                        + from + ") c group by rollup (category)",
                new Breakdown(dimension, dimensionTitle));
    }

    private static KpiDefinition percentage(String code, String title, String clock, String when) {
        return KpiDefinition.quarterly(code, title, extraSource(code), KpiUnit.PERCENTAGE, KpiComputation.sql(
                "select round(100.0 * count(*) filter (where met_on <= due_on) / nullif(count(*), 0), 1) as value,"
                        + " count(*) filter (where met_on <= due_on) as numerator, count(*) as denominator"
                        + " from reporting.referral_clock where clock_code = '" + clock + "' and " + when
                        // A clock stopped unmet before it fell due (the referral was declined or closed) is no miss.
                        + " and not (met_on is null and stopped_on is not null and stopped_on <= due_on)"));
    }

    /** The section each added line answers: §4.11 response times, §4.12 reviews, §1.7 value for money. */
    private static org.carespec.plugin.api.SpecReference extraSource(String code) {
        return switch (code) {
            case "CO19", "CO20" -> Sections.RESPONSE_TIMES;
            case "CO21" -> Sections.ASSESSMENT_AND_PLAN;
            default -> Sections.FUNDING;
        };
    }
}
