package org.carespec.platform.benchmark;

import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.Specification;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.kpi.Breakdown;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.carespec.plugin.api.record.Lifecycle;
import org.carespec.plugin.api.record.RecordLink;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.record.Subject;

/**
 * The records benchmark's module (issue 14), shaped on seed 001's quality indicators: contract-level training
 * sessions with headcounts by sex and ethnic group, engagements with partners from an agency list, working-group
 * meetings and their actions (OPEN → DONE), and six quarterly KPIs that read only {@code reporting.record} and
 * {@code reporting.record_link}. Installed in the benchmarks' application context only.
 */
final class RecordBenchPlugin implements CarespecPlugin {

    static final String ID = "record-bench";
    private static final SpecReference QI = SpecReference.of("001", "Quality indicators");
    private static final String IN_QUARTER = " recorded_on >= :period_start and recorded_on < :period_end";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Records benchmark", "1.0.0", "[2.0,3.0)",
                new Specification("BENCH/2", "Records benchmark", "Benchmark commissioner", "001"));
    }

    @Override
    public void contribute(Contributions c) {
        c.codeList(CodeList.builder("agency", "Partners", QI).add("A0", "Agency 0").build())
                .recordType(RecordType.of("training-session", 1, "Training session", Subject.NONE,
                        schema("{\"type\": \"object\"}"), QI))
                .recordType(RecordType.of("engagement", 1, "Engagement", Subject.PERSON_OPTIONAL,
                        schema("{\"type\": \"object\"}"), QI))
                .recordType(RecordType.of("meeting", 1, "Working group meeting", Subject.NONE,
                        schema("{\"type\": \"object\"}"), QI))
                .recordType(RecordType.of("action", 1, "Working group action", Subject.NONE,
                                schema("{\"type\": \"object\"}"), QI)
                        .withLifecycle(Lifecycle.of("OPEN", "DONE").allow("OPEN", "DONE"))
                        .withLink(RecordLink.required("meeting", "meeting")))
                .kpi(kpi("RB1", "Training sessions delivered", """
                        select null as dimension, null as category, count(*) as value from reporting.record
                        where type_code = 'training-session' and""" + IN_QUARTER))
                .kpi(kpi("RB2", "People trained, by sex and by ethnic group", """
                        with t as (select data from reporting.record
                                   where type_code = 'training-session' and""" + IN_QUARTER + """
                        )
                        select null as dimension, null as category, coalesce(sum((data->>'attendees')::int), 0)
                               as value from t
                        union all
                        select d.dimension, h.key, sum(h.value::int)
                        from t cross join lateral (values ('sex', t.data->'bySex'), ('race', t.data->'byRace'))
                            as d(dimension, counts)
                        cross join lateral jsonb_each_text(coalesce(d.counts, '{}'::jsonb)) as h
                        group by d.dimension, h.key""", new Breakdown("sex", "Sex"),
                        new Breakdown("race", "Ethnic group")))
                .kpi(kpi("RB3", "Engagements with partners, by partner", """
                        with e as (select data from reporting.record
                                   where type_code = 'engagement' and""" + IN_QUARTER + """
                        )
                        select case when grouping(p.partner) = 0 then 'partner' end as dimension, p.partner as category,
                               count(*) as value
                        from e cross join lateral jsonb_array_elements_text(e.data->'partners') as p(partner)
                        group by rollup (p.partner)""", new Breakdown("partner", "Partner")))
                .kpi(kpi("RB4", "Working group actions done in the quarter", """
                        select null as dimension, null as category, count(*) as value
                        from reporting.record a join reporting.record_link l on l.record_id = a.id and l.name = 'meeting'
                        where a.type_code = 'action' and a.status = 'DONE'
                          and a.status_on >= :period_start and a.status_on < :period_end"""))
                .kpi(kpi("RB5", "Working group actions still open at the quarter's end", """
                        select null as dimension, null as category, count(*) as value from reporting.record
                        where type_code = 'action' and recorded_on < :period_end
                          and (status = 'OPEN' or status_on >= :period_end)"""))
                .kpi(kpi("RB6", "Records made in the quarter, by type", """
                        select case when grouping(type_code) = 0 then 'type' end as dimension, type_code as category,
                               count(*) as value
                        from reporting.record where""" + IN_QUARTER + """
                         group by rollup (type_code)""", new Breakdown("type", "Record type")));
    }

    private static KpiDefinition kpi(String code, String title, String sql, Breakdown... breakdowns) {
        return KpiDefinition.quarterly(code, title, QI, KpiUnit.COUNT, KpiComputation.sql(sql), breakdowns);
    }

    private static JsonSchema schema(String json) {
        return new JsonSchema("record-bench.schema.json", json);
    }
}
