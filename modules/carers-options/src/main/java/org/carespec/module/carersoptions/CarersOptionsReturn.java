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

    /**
     * Carers receiving the service in the quarter (§5.4 "people using the Service"; §3.3): in service on a referral of
     * this contract on any day of it (from the start of their service, a first visit after acceptance or an agreed
     * plan, to the referral's end), or given a break, or at a carers' group (support group, forum, training for
     * carers) in it. Not the people only referred, waiting, declined or signposted, and not the people cared for.
     */
    static final String USING = """
            select r.person_id from (""" + Sql.REFERRALS + """
            ) r
            where r.started_on < :period_end and (r.ended_on is null or r.ended_on >= :period_start)
            union
            select a.person_id from reporting.activity a
            where a.type = 'BREAK' and a.occurred_on >= :period_start and a.occurred_on < :period_end
            union
            select g.person_id from reporting.group_attendance g
            where g.session_type in ('SUPPORT_GROUP', 'FORUM', 'CARER_TRAINING')
              and g.held_on >= :period_start and g.held_on < :period_end""";

    /** §3.3: the people cared for whose carer had a break in the quarter: support for a break, counted apart. */
    static final String CARED_FOR_ON_A_BREAK = """
            select distinct p.person_id from reporting.activity a
            join reporting.referral r on r.person_id = a.person_id
            join reporting.referral_person p on p.referral_id = r.id and p.relationship = 'CARER_OF'
            where a.type = 'BREAK' and a.occurred_on >= :period_start and a.occurred_on < :period_end""";

    /**
     * People waiting for a service on the quarter's last day (§5.4), or yesterday for a quarter not yet over (the
     * platform's {@code :as_of} is the day after the last day counted): a referral open then (received by that day
     * and not declined or closed by it) whose service had not started: awaiting the decision, or accepted and
     * waiting, including after an initial meeting. One row per person, with the days from their earliest such
     * referral to that day.
     */
    static final String WAITING = """
            select r.person_id, max((:as_of - 1) - r.received_on) as days from (""" + Sql.REFERRALS + """
            ) r
            where r.received_on < :as_of and (r.ended_on is null or r.ended_on >= :as_of)
              and (r.started_on is null or r.started_on >= :as_of)
            group by r.person_id""";

    /** Whose service started in the quarter, and the days from referral to the start of their service. */
    static final String STARTED = """
            select r.person_id, r.started_on - r.received_on as days from (""" + Sql.REFERRALS + """
            ) r
            where r.started_on >= :period_start and r.started_on < :period_end""";

    /** Building blocks shared by several lines. */
    static final class Sql {

        /**
         * Each referral with the day its service started: the platform's start of service (a first visit after
         * acceptance, or an agreed plan), or the carer's first break after the referral if that came sooner (a break
         * is the service, §2.1, whatever the paperwork says).
         */
        static final String REFERRALS = """
                select r.id, r.person_id, r.received_on, r.ended_on,
                       least(r.in_service_on, (select min(a.occurred_on) from reporting.activity a
                                               where a.person_id = r.person_id and a.type = 'BREAK'
                                                 and a.occurred_on >= r.received_on)) as started_on
                from reporting.referral r""";

        private Sql() {
        }
    }

    static final String IN_QUARTER = ">= :period_start and %1$s < :period_end";

    /** The one rule of every response-time line (the platform's reporting.clock_outcome), in the line's words. */
    static final String CLOCK_RULE = " A clock belongs to the quarter in which it fell due (its due date); it is met if"
            + " the step came on or before the due date and missed if it came later or had not come by then. Not"
            + " counted: a clock whose referral was declined or closed before it fell due, and one not yet due when"
            + " the return is computed (it counts in the quarter it falls due).";

    static final List<KpiDefinition> KPIS = List.of(
            kpi("CO01", "Number of people using the service", KpiUnit.COUNT,
                    "select null as dimension, null as category, count(*) as value from (" + USING + ") u"
                            + " union all select 'separately', 'cared-for people supported for a break', count(*)"
                            + " from (" + CARED_FOR_ON_A_BREAK + ") c",
                    new Breakdown("separately", "Counted separately"))
                    .definedAs("Carers receiving the service in the quarter: in service on a referral (from its first"
                            + " visit after acceptance, or its agreed plan, to its end) on any day of the quarter, or"
                            + " given a break, or at a carers' support group, forum or training in it; each carer"
                            + " once. Not counted: people only referred, waiting, declined or signposted. The people"
                            + " cared for whose carer had a break in the quarter (§3.3) are counted separately, in"
                            + " the breakdown."),
            count("CO02", "Number of people waiting for a service", "select count(*) as value from (" + WAITING + ") w")
                    .definedAs("People with a referral open on the quarter's last day (for a quarter not yet over,"
                            + " yesterday) whose service had not started by then: awaiting the decision, or accepted"
                            + " and waiting (including after an initial meeting). Each person once."),
            kpi("CO03", "Time waiting (days): median, with the longest as a breakdown", KpiUnit.DAYS,
                    "with w as (" + WAITING + "), s as (" + STARTED + ") select null as dimension, null as category,"
                            + " percentile_cont(0.5) within group (order by days) as value from w"
                            + " union all select 'measure', 'longest', max(days) from w"
                            + " union all select 'measure', 'median to start of service (started this quarter)',"
                            + " percentile_cont(0.5) within group (order by days) from s",
                    new Breakdown("measure", "Measure"))
                    .definedAs("For the people waiting (CO02): the days from their referral to the quarter's last"
                            + " day (or yesterday), the median and the longest. For the people whose service started"
                            + " in the quarter: the median days from referral to the start of their service."),
            count("CO04", "Number of people referred for a Carers Led Assessment",
                    "select count(distinct person_id) as value from reporting.activity where type = 'CLA_REFERRAL'"
                            + " and occurred_on " + in("occurred_on"))
                    .definedAs("People referred to the carers assessment service for a Carers Led Assessment in the"
                            + " quarter (§4.9), each once."),
            kpi("CO05", "Number of people referred for a re-assessment (carers and individuals)", KpiUnit.COUNT,
                    "with r as (select distinct a.person_id from reporting.activity a"
                            + " where a.type = 'REASSESSMENT_REFERRAL' and a.occurred_on " + in("a.occurred_on") + "),"
                            + " w as (select case when exists (select from reporting.referral f"
                            + " where f.person_id = r.person_id) then 'CARER' else 'INDIVIDUAL' end as who from r)"
                            + " select case when grouping(who) = 0 then 'who' end as dimension, who as category,"
                            + " count(*) as value from w group by rollup (who)",
                    new Breakdown("who", "Carer or individual"))
                    .definedAs("People referred for a re-assessment in the quarter, each recorded once as a"
                            + " re-assessment referral (a Well-being Plan review that finds one needed records it):"
                            + " a carer is a person referred to this service, an individual a person cared for. Each"
                            + " person once."),
            kpi("CO06", "Number of breaks provided (by type, with hours as a breakdown)", KpiUnit.COUNT,
                    "with b as (select coalesce(data ->> 'breakType', 'NOT_RECORDED') as kind, duration_minutes"
                            + " from reporting.activity where type = 'BREAK' and occurred_on " + in("occurred_on") + ")"
                            + " select case when grouping(kind) = 0 then 'break-type' end as dimension, kind as category,"
                            + " count(*) as value from b group by rollup (kind)"
                            + " union all select 'measure', 'hours', round(coalesce(sum(duration_minutes), 0) / 60.0, 1)"
                            + " from b",
                    new Breakdown("break-type", "Type of break"), new Breakdown("measure", "Measure"))
                    .definedAs("Breaks given to carers in the quarter (§3.3), each recorded once as a BREAK"
                            + " activity naming its type and who gave it, by type of break (NOT_RECORDED only for"
                            + " breaks recorded before the type was required); the hours are their total length."),
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
                    new Breakdown("age-gender", "Age band and gender"))
                    .definedAs("The carers of CO01 by age on the quarter's last day and by sex."),
            count("CO08", "Number of ex-service personnel the service is supporting",
                    "select count(*) as value from (" + USING + ") u join reporting.person x on x.id = u.person_id"
                            + " where x.equality ->> 'armedForces' = 'VETERAN'")
                    .definedAs("The carers of CO01 recorded as veterans of the armed forces."),
            countedBy("CO09", "Ethnicity of people using the service (NHS ethnic category)", "ethnicity",
                    "Ethnic category", "coalesce(x.equality ->> 'ethnicity', '99')",
                    "(" + USING + ") u join reporting.person x on x.id = u.person_id")
                    .definedAs("The carers of CO01 by NHS ethnic category; 99 is not stated."),
            count("CO10", "Complaints", "select count(*) as value from reporting.feedback where kind = 'COMPLAINT'"
                    + " and received_on " + in("received_on"))
                    .definedAs("Complaints received in the quarter."),
            count("CO11", "Compliments", "select count(*) as value from reporting.feedback where kind = 'COMPLIMENT'"
                    + " and received_on " + in("received_on"))
                    .definedAs("Compliments received in the quarter."),
            countedBy("CO12", "Number of referrals, and where from", "source", "Referral source", "source",
                    "reporting.referral where received_on " + in("received_on"))
                    .definedAs("Referrals received in the quarter, by who referred."),
            // §4.13 is the service not accepting someone. A carer who withdrew or could not be contacted is closed as
            // WITHDRAWN (a leaving reason), not declined; the two codes below were decline reasons before 0.3.0 and
            // are left out so that old records do not count as the service's decisions.
            countedBy("CO13", "Reasons for individuals not being accepted into the service", "reason",
                    "Reason not accepted", "coalesce(reason, 'OTHER')",
                    "reporting.referral_event where type = 'DECLINED' and occurred_on " + in("occurred_on")
                            + " and coalesce(reason, '') not in ('DECLINED_BY_CARER', 'NO_CONTACT')")
                    .definedAs("Referrals the service did not accept in the quarter, by the reason. Not counted: a"
                            + " carer who withdrew or could not be contacted (closed as withdrawn)."),
            countedBy("CO14", "Number of people leaving before meeting the goals of their plan, and reasons", "reason",
                    "Reason for leaving", "coalesce(outcome_reason, 'OTHER')",
                    "reporting.referral where outcome = 'LEFT_BEFORE_GOALS_MET' and ended_on " + in("ended_on"))
                    .definedAs("People whose service ended in the quarter before their plan's goals were met, by"
                            + " reason. Not counted: people who withdrew before their service started."),
            countedBy("CO16", "Number of people moving on from the service, by outcome", "destination",
                    "Moving on to", "coalesce(destination, 'OTHER_SERVICE')",
                    "reporting.referral where outcome = 'MOVED_ON' and ended_on " + in("ended_on"))
                    .definedAs("People who moved on from the service in the quarter, by where they moved on to."),
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
                    new Breakdown("link", "New or regular"))
                    .definedAs("Agencies the service signposted or referred people to in the quarter (§4.15), each"
                            + " once: new if this contract had not linked with it before the quarter, regular if it"
                            + " had."),
            percentage("CO19", "First contact within 3 working days of receipt", "first-contact")
                    .definedAs("Referrals whose first contact fell due in the quarter: contacted within 3 working"
                            + " days of receipt (§4.11), as a share of those met or missed." + CLOCK_RULE),
            percentage("CO20", "Initial meeting within 10 working days of receipt", "initial-meeting")
                    .definedAs("Referrals whose initial meeting fell due in the quarter: met within 10 working days"
                            + " of receipt (§4.11), as a share of those met or missed." + CLOCK_RULE),
            percentage("CO21", "Well-being Plan reviews done on time (due in the quarter)", "plan-review")
                    .definedAs("Well-being Plan reviews that fell due in the quarter, six months after the plan or"
                            + " its last review or sooner where the plan says so (§4.12): done by the due date, as a"
                            + " share of those done or missed." + CLOCK_RULE),
            // §1.7: a quarter of the annual value, per carer using the service and per break; pence, as all money.
            kpi("CO22", "Cost per carer supported (with cost per break as a breakdown)", KpiUnit.MONEY,
                    "with money as (select annual_value_pence / 4.0 as quarter from reporting.contract),"
                            + " carers as (select count(*) as n from (" + USING + ") u),"
                            + " breaks as (select count(*) as n from reporting.activity where type = 'BREAK'"
                            + " and occurred_on " + in("occurred_on") + ")"
                            + " select null as dimension, null as category,"
                            + " round(money.quarter / nullif(carers.n, 0)) as value, round(money.quarter)"
                            + " as numerator, carers.n as denominator from money, carers"
                            + " union all select 'measure', 'per-break', round(money.quarter / nullif(breaks.n, 0)),"
                            + " round(money.quarter), breaks.n from money, breaks",
                    new Breakdown("measure", "Measure"))
                    .definedAs("A quarter of the contract's annual value (§1.7) divided by the carers of CO01, in"
                            + " pence; per break, by the breaks of CO06."));

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

    private static KpiDefinition kpi(String code, String title, KpiUnit unit, String sql, Breakdown... breakdowns) {
        return KpiDefinition.quarterly(code, title, code.compareTo("CO19") >= 0 ? extraSource(code)
                : Sections.RETURN_CONTENT, unit, KpiComputation.sql(sql), breakdowns);
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

    /** The share of a clock's cycles that fell due in the quarter and were met, by the platform's one rule. */
    private static KpiDefinition percentage(String code, String title, String clock) {
        return KpiDefinition.quarterly(code, title, extraSource(code), KpiUnit.PERCENTAGE, KpiComputation.sql(
                "select round(100.0 * count(*) filter (where result = 'MET') / nullif(count(*), 0), 1) as value,"
                        + " count(*) filter (where result = 'MET') as numerator, count(*) as denominator"
                        + " from reporting.clock_outcome where clock_code = '" + clock + "'"
                        + " and due_on " + in("due_on") + " and result in ('MET', 'MISSED')"));
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
