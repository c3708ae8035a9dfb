package org.carespec.platform.returns.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ModuleDefectException;
import org.carespec.platform.errors.UnavailableException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnCell;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.domain.ReturnNarrative;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.ReportingPeriod;

/**
 * A return's live figures: every KPI of the module for the period, computed by {@link KpiRunner} in one
 * repeatable-read reporting transaction (so the figures agree with each other), with the provider's adjustments
 * applied (the computed figure kept beside them), and the narratives as written so far.
 */
@Singleton
public class ReturnFigures {

    private final KpiRunner runner;
    private final Sql sql;

    public ReturnFigures(KpiRunner runner, Sql sql) {
        this.runner = runner;
        this.sql = sql;
    }

    /** Lines and narratives as they stand now. */
    public record Live(List<ReturnLine> lines, List<ReturnNarrative> narratives) {
    }

    @Transactional
    public Live compute(UUID tenant, UUID contract, InstalledPlugin module, FinancialPeriod period) {
        Map<String, Adjustment> adjustments = sql.list("select code, value, justification from return_adjustment"
                        + " where tenant_id = ? and contract_id = ? and period = ?",
                List.of(tenant, contract, period.toString()),
                rs -> new Adjustment(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).stream()
                .collect(Collectors.toMap(Adjustment::code, a -> a));
        Map<String, String> texts = sql.list("select code, text from return_narrative"
                        + " where tenant_id = ? and contract_id = ? and period = ?",
                List.of(tenant, contract, period.toString()), rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        ReportingPeriod kind = period.isQuarter() ? ReportingPeriod.QUARTER : ReportingPeriod.YEAR;
        String part = sql.one("select specification_part from contract where tenant_id = ? and id = ?",
                List.of(tenant, contract), rs -> java.util.Optional.ofNullable(rs.getString(1))).flatMap(p -> p)
                .orElse(null);
        List<KpiDefinition> kpis = module.kpis().stream().filter(k -> k.period() == kind && k.appliesTo(part))
                .toList();
        List<List<KpiRunner.Row>> answers = compute(contract, period, kpis);
        List<ReturnLine> lines = new ArrayList<>();
        for (int i = 0; i < kpis.size(); i++) {
            lines.add(line(kpis.get(i), answers.get(i), adjustments.get(kpis.get(i).code())));
        }
        List<ReturnNarrative> narratives = module.narratives().stream()
                .map(n -> new ReturnNarrative(n.code(), n.title(), n.source().toString(), n.guidance(),
                        texts.get(n.code())))
                .toList();
        return new Live(lines, narratives);
    }

    /** One KPI's line as it stands now (for series and comparisons); empty if the module has no such KPI. */
    @Transactional
    public java.util.Optional<ReturnLine> computeOne(UUID tenant, UUID contract, InstalledPlugin module,
                                                          FinancialPeriod period, String code) {
        ReportingPeriod kind = period.isQuarter() ? ReportingPeriod.QUARTER : ReportingPeriod.YEAR;
        java.util.Optional<KpiDefinition> kpi = module.kpis().stream()
                .filter(k -> k.code().equals(code) && k.period() == kind).findFirst();
        if (kpi.isEmpty()) {
            return java.util.Optional.empty();
        }
        Adjustment adjustment = sql.one("select code, value, justification from return_adjustment"
                        + " where tenant_id = ? and contract_id = ? and period = ? and code = ?",
                List.of(tenant, contract, period.toString(), code),
                rs -> new Adjustment(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).orElse(null);
        return java.util.Optional.of(line(kpi.get(), compute(contract, period, List.of(kpi.get())).get(0), adjustment));
    }

    /** Every query-computed KPI in one reporting session; a KPI the data cannot give has no rows. */
    private List<List<KpiRunner.Row>> compute(UUID contract, FinancialPeriod period, List<KpiDefinition> kpis) {
        List<String> queries = new ArrayList<>();
        List<KpiDefinition> computed = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            if (kpi.computation() instanceof KpiComputation.Sql query) {
                queries.add(query.sql());
                computed.add(kpi);
            }
        }
        List<List<KpiRunner.Row>> rows;
        try {
            rows = queries.isEmpty() ? List.of() : runner.runAll(contract, period, queries);
        } catch (KpiRunner.KpiQueryException e) {
            String which = e.query() < 0 ? "the KPIs of " + period
                    : "KPI " + computed.get(e.query()).code() + " (" + computed.get(e.query()).source() + ")";
            if (e.busy()) {
                throw new UnavailableException("Every reporting connection is busy computing other returns. Try"
                        + " again in a moment.", e);
            }
            if (e.timedOut()) {
                throw new UnavailableException("The figures of " + period + " took longer than allowed to compute ("
                        + which + "). Try again shortly; if it persists, tell support the request id.", e);
            }
            throw new ModuleDefectException(which + " could not be computed: " + e.getMessage(), e);
        }
        List<List<KpiRunner.Row>> answers = new ArrayList<>();
        int next = 0;
        for (KpiDefinition kpi : kpis) {
            answers.add(kpi.computation() instanceof KpiComputation.Sql ? rows.get(next++) : null);
        }
        return answers;
    }

    private record Adjustment(String code, BigDecimal value, String justification) {
    }

    /** @param rows the KPI query's answer, or null for a KPI that is not computed (a manual figure) */
    private static ReturnLine line(KpiDefinition kpi, List<KpiRunner.Row> rows, Adjustment adjustment) {
        BigDecimal value = null;
        BigDecimal numerator = null;
        BigDecimal denominator = null;
        List<ReturnCell> cells = List.of();
        if (rows != null) {
            KpiRunner.Row total = rows.stream().filter(r -> r.dimension() == null).findFirst().orElse(null);
            if (total != null) {
                value = total.value();
                numerator = total.numerator();
                denominator = total.denominator();
            }
            // The same figures always read the same way: cells in the order of the KPI's declared breakdowns (others
            // after), then by category, whatever order the query's GROUP BY happened to return them in.
            List<String> declared = kpi.breakdowns().stream().map(b -> b.code()).toList();
            cells = rows.stream().filter(r -> r.dimension() != null)
                    .sorted(java.util.Comparator.<KpiRunner.Row>comparingInt(r -> declared.contains(r.dimension())
                                    ? declared.indexOf(r.dimension()) : declared.size())
                            .thenComparing(KpiRunner.Row::dimension)
                            .thenComparing(KpiRunner.Row::category, java.util.Comparator.nullsLast(
                                    java.util.Comparator.naturalOrder())))
                    .map(r -> new ReturnCell(r.dimension(), r.category(), r.value(), r.numerator(),
                            r.denominator()))
                    .toList();
        }
        if (adjustment == null) {
            return new ReturnLine(kpi.code(), kpi.title(), kpi.source().toString(), kpi.unit().name(), value,
                    numerator, denominator, cells, null, null, kpi.definition());
        }
        return new ReturnLine(kpi.code(), kpi.title(), kpi.source().toString(), kpi.unit().name(),
                adjustment.value(), numerator, denominator, cells, value, adjustment.justification(),
                kpi.definition());
    }
}
