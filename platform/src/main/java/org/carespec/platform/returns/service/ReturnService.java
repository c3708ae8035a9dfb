package org.carespec.platform.returns.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.casework.LondonTime;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.returns.web.ReturnView;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.domain.Nation;
import org.carespec.platform.tenant.service.TenantNations;
import org.carespec.platform.web.InvalidRequestException;
import org.carespec.platform.web.NotFoundException;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.NarrativeDefinition;
import org.carespec.plugin.api.kpi.ReportingPeriod;

/**
 * Returns computed from the case record. A contract's return for a quarter holds its module's quarterly KPIs; for a
 * financial year, its annual ones. The due date is {@code returnDueWorkingDays} working days (a contract setting,
 * 10 by default, 002 §5.3) after the period ends, on the tenant's calendar.
 */
@Singleton
public class ReturnService {

    /** The contract setting a module may declare to change when its returns are due. */
    public static final String DUE_SETTING = "/returnDueWorkingDays";

    private final ContractService contracts;
    private final PluginRegistry plugins;
    private final KpiRunner runner;
    private final CallerContext callers;
    private final TenantNations nations;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public ReturnService(ContractService contracts, PluginRegistry plugins, KpiRunner runner, CallerContext callers,
                         TenantNations nations, WorkingDayCalendar calendar, Clock clock) {
        this.contracts = contracts;
        this.plugins = plugins;
        this.runner = runner;
        this.callers = callers;
        this.nations = nations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The draft return of a contract the caller may see, for a period id such as {@code 2027-28-Q3}. All its figures
     * come from one read-only snapshot, so they agree with each other even while work is being recorded.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReturnView draft(UUID contractId, String periodId) {
        FinancialPeriod period = period(periodId);
        Caller caller = callers.require();
        Contract contract = contracts.visible(contractId);
        InstalledPlugin module = plugins.find(contract.moduleId())
                .orElseThrow(() -> new NotFoundException("The module of contract " + contractId));
        ReportingPeriod kind = period.isQuarter() ? ReportingPeriod.QUARTER : ReportingPeriod.YEAR;
        Nation nation = nations.of(caller.tenant());
        int dueDays = JsonView.of(Json.toMap(contract.settings())).integer(DUE_SETTING)
                .orElse(ReturnDeadline.DEFAULT_WORKING_DAYS);
        LocalDate due = ReturnDeadline.dueDate(period, dueDays, (d, n) -> calendar.workingDaysAfter(d, n, nation));
        List<ReturnView.Line> lines = new ArrayList<>();
        for (KpiDefinition kpi : module.kpis()) {
            if (kpi.period() == kind) {
                lines.add(line(contractId, period, kpi));
            }
        }
        List<ReturnView.Narrative> narratives = module.narratives().stream()
                .map(n -> narrative(n)).toList();
        return new ReturnView(contractId, module.id(), period.toString(), period.start(), period.lastDay(), "DRAFT",
                due, ReturnDeadline.timeliness(due, LondonTime.today(clock), null), null, lines, narratives);
    }

    static FinancialPeriod period(String id) {
        try {
            return FinancialPeriod.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("period", e.getMessage());
        }
    }

    private ReturnView.Line line(UUID contract, FinancialPeriod period, KpiDefinition kpi) {
        if (!(kpi.computation() instanceof KpiComputation.Sql sql)) {
            return new ReturnView.Line(kpi.code(), kpi.title(), kpi.source().toString(), kpi.unit().name(), null,
                    null, null, List.of());
        }
        List<KpiRunner.Row> rows;
        try {
            rows = runner.run(contract, period, sql.sql());
        } catch (KpiRunner.KpiQueryException e) {
            throw new IllegalStateException("KPI " + kpi.code() + " of module " + kpi.source().seed()
                    + " could not be computed: " + e.getMessage(), e);
        }
        KpiRunner.Row total = rows.stream().filter(r -> r.dimension() == null).findFirst().orElse(null);
        List<ReturnView.Cell> cells = rows.stream().filter(r -> r.dimension() != null)
                .map(r -> new ReturnView.Cell(r.dimension(), r.category(), r.value(), r.numerator(), r.denominator()))
                .toList();
        return new ReturnView.Line(kpi.code(), kpi.title(), kpi.source().toString(), kpi.unit().name(),
                total == null ? null : total.value(), total == null ? null : total.numerator(),
                total == null ? null : total.denominator(), cells);
    }

    private static ReturnView.Narrative narrative(NarrativeDefinition n) {
        return new ReturnView.Narrative(n.code(), n.title(), n.source().toString(), n.guidance(), null);
    }
}
