package org.carespec.platform.returns.service;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.domain.ReturnNarrative;
import org.carespec.platform.returns.domain.ReturnSnapshot;
import org.carespec.platform.returns.domain.ReturnStatus;
import org.carespec.platform.returns.domain.Suppression;
import org.carespec.platform.returns.repository.ReturnVersions;
import org.carespec.platform.returns.repository.ReturnVersions.StoredVersion;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantSettings;
import org.carespec.platform.tenant.service.TenantSettingsView;
import org.carespec.plugin.api.Role;
import org.carespec.plugin.api.kpi.ReportingPeriod;

/**
 * A contract's return for a period, from draft to approval. DRAFT: figures live, narratives and adjustments
 * editable by the provider's manager. Submitting freezes them as a version (an immutable snapshot and its SHA-256).
 * The contract's commissioner approves the version or sends it back with a comment (RETURNED); a returned return is
 * edited and submitted again as the next version. Due {@code returnDueWorkingDays} working days (a contract
 * setting, 10 by default, 002 §5.3) after the period ends, on the tenant's calendar.
 */
@Singleton
public class ReturnService {

    private final ContractService contracts;
    private final PluginRegistry plugins;
    private final ReturnFigures figures;
    private final CallerContext callers;
    private final ReturnDueDates dueDates;
    private final ReturnVersions versions;
    private final TenantSettings tenantSettings;
    private final Sql sql;
    private final Clock clock;

    public ReturnService(ContractService contracts, PluginRegistry plugins, ReturnFigures figures,
                         CallerContext callers, ReturnDueDates dueDates, ReturnVersions versions,
                         TenantSettings tenantSettings, Sql sql, Clock clock) {
        this.contracts = contracts;
        this.plugins = plugins;
        this.figures = figures;
        this.callers = callers;
        this.dueDates = dueDates;
        this.versions = versions;
        this.tenantSettings = tenantSettings;
        this.sql = sql;
        this.clock = clock;
    }

    /** Whose return for which period: the caller, the contract, its module and the period. */
    record Subject(Caller caller, Contract contract, InstalledPlugin module, FinancialPeriod period) {

        UUID tenant() {
            return caller.requireTenant();
        }
    }

    /** The return as the caller may see it; a draft's figures all come from one snapshot of the data. */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReturnView get(UUID contractId, String periodId) {
        return view(subject(contractId, periodId));
    }

    /** Writes (or rewrites) a narrative line while the return can be edited. */
    @Transactional
    public ReturnView writeNarrative(UUID contractId, String periodId, ReturnCommands.Narrative c) {
        Subject s = editable(contractId, periodId);
        if (s.module().narratives().stream().noneMatch(n -> n.code().equals(c.code()))) {
            throw InvalidRequestException.of("code", "is not a narrative line of module " + s.module().id());
        }
        sql.update("""
                insert into return_narrative (tenant_id, contract_id, period, code, text, written_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, contract_id, period, code)
                do update set text = excluded.text, written_by = excluded.written_by, updated_at = now()""",
                List.of(s.tenant(), contractId, s.period().toString(), c.code(), c.text(), s.caller().actor()));
        return view(s);
    }

    /** Sets a figure by hand, with a written justification, while the return can be edited. */
    @Transactional
    public ReturnView adjust(UUID contractId, String periodId, ReturnCommands.Adjustment c) {
        Subject s = editable(contractId, periodId);
        ReportingPeriod kind = s.period().isQuarter() ? ReportingPeriod.QUARTER : ReportingPeriod.YEAR;
        if (s.module().kpis().stream().noneMatch(k -> k.code().equals(c.code()) && k.period() == kind)) {
            throw InvalidRequestException.of("code", "is not a " + kind.name().toLowerCase()
                    + "ly figure of module " + s.module().id());
        }
        sql.update("""
                insert into return_adjustment (tenant_id, contract_id, period, code, value, justification, made_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, contract_id, period, code)
                do update set value = excluded.value, justification = excluded.justification,
                              made_by = excluded.made_by, updated_at = now()""",
                List.of(s.tenant(), contractId, s.period().toString(), c.code(), c.value(), c.justification(),
                        s.caller().actor()));
        return view(s);
    }

    /** Freezes the return as its next version. The figures are those computed at this moment. */
    @Transactional
    public ReturnView submit(UUID contractId, String periodId) {
        Subject s = editable(contractId, periodId);
        LocalDate today = LondonTime.today(clock);
        if (today.isBefore(s.period().end())) {
            throw new ConflictException("The return for " + s.period() + " can be submitted once the period has"
                    + " ended, from " + s.period().end() + ".");
        }
        ReturnFigures.Live live = figures.compute(s.tenant(), contractId, s.module(), s.period());
        List<StoredVersion> earlier = versions.of(s.tenant(), contractId, s.period().toString());
        versions.insert(s.tenant(), contractId, s.period().toString(), earlier.size() + 1, clock.instant(),
                s.caller().actor(), new ReturnSnapshot(contractId.toString(), s.module().id(),
                        s.module().descriptor().version(), s.period().toString(), clock.instant().toString(),
                        live.lines(), live.narratives()));
        return view(s);
    }

    /** The contract's commissioner accepts the submitted version. */
    @Transactional
    public ReturnView approve(UUID contractId, String periodId) {
        return decide(contractId, periodId, ReturnStatus.APPROVED, null);
    }

    /** The contract's commissioner sends the submitted version back with a comment saying what to change. */
    @Transactional
    public ReturnView sendBack(UUID contractId, String periodId, String comment) {
        return decide(contractId, periodId, ReturnStatus.RETURNED, comment);
    }

    private ReturnView decide(UUID contractId, String periodId, ReturnStatus decision, String comment) {
        Subject s = subject(contractId, periodId);
        lock(s);
        if (!s.caller().has(Role.COMMISSIONER) || !s.contract().commissionerId().equals(s.caller().organisationId())) {
            throw new ForbiddenException("Only the commissioner of this contract can approve or return its returns.");
        }
        StoredVersion latest = latest(versions.of(s.tenant(), contractId, s.period().toString()));
        if (latest == null || latest.status() != ReturnStatus.SUBMITTED) {
            throw new ConflictException("The return for " + s.period() + " is "
                    + (latest == null ? ReturnStatus.DRAFT : latest.status()) + "; only a SUBMITTED return can be"
                    + " decided.");
        }
        if (!versions.decide(s.tenant(), latest.id(), decision, clock.instant(), s.caller().actor(), comment)) {
            throw new ConflictException("The return for " + s.period() + " was decided meanwhile.");
        }
        return view(s);
    }

    // ------------------------------------------------------------------ reading

    Subject subject(UUID contractId, String periodId) {
        FinancialPeriod period = ReturnPeriods.parse(periodId, "period");
        Caller caller = callers.require();
        Contract contract = contracts.visible(contractId);
        InstalledPlugin module = plugins.find(contract.moduleId())
                .orElseThrow(() -> new NotFoundException("The module of contract " + contractId));
        return new Subject(caller, contract, module, period);
    }

    /**
     * The provider's manager, on a return of a period the contract runs in that is a draft or was sent back. Holds
     * the return's lock to the end of the transaction, so an edit, a submission and a decision never interleave.
     */
    private Subject editable(UUID contractId, String periodId) {
        Subject s = subject(contractId, periodId);
        if (!s.caller().managesProvider(s.contract().providerId())) {
            throw new ForbiddenException("Only the provider's manager can write, adjust or submit its returns.");
        }
        if (!s.period().end().isAfter(s.contract().startDate()) || s.period().start().isAfter(s.contract().endDate())) {
            throw new ConflictException("The contract does not run during " + s.period() + " (it runs from "
                    + s.contract().startDate() + " to " + s.contract().endDate() + ").");
        }
        lock(s);
        StoredVersion latest = latest(versions.of(s.tenant(), contractId, s.period().toString()));
        if (latest != null && latest.status() != ReturnStatus.RETURNED) {
            throw new ConflictException("The return for " + s.period() + " is " + latest.status()
                    + " and can no longer be changed.");
        }
        return s;
    }

    /** One writer at a time per contract and period: whoever waits here then sees what the first one did. */
    private void lock(Subject s) {
        sql.one("select pg_advisory_xact_lock(hashtext(? || ?))", List.of(s.contract().id().toString(),
                s.period().toString()), rs -> rs.getObject(1));
    }

    /** The return of the subject, as the subject's caller may see it. */
    ReturnView view(Subject s) {
        List<StoredVersion> all = versions.of(s.tenant(), s.contract().id(), s.period().toString());
        StoredVersion latest = latest(all);
        ReturnStatus status = latest == null ? ReturnStatus.DRAFT : latest.status();
        LocalDate due = dueDates.of(s.contract(), s.period());
        Instant firstSubmitted = all.isEmpty() ? null : all.get(0).submittedAt();
        List<ReturnLine> lines;
        List<ReturnNarrative> narratives;
        Map<String, BigDecimal> previous = new LinkedHashMap<>();
        if (latest != null && status.stands()) {
            ReturnSnapshot frozen = latest.snapshot();
            lines = frozen.lines();
            narratives = frozen.narratives();
        } else {
            ReturnFigures.Live live = figures.compute(s.tenant(), s.contract().id(), s.module(), s.period());
            lines = live.lines();
            narratives = live.narratives();
            if (latest != null) {
                latest.snapshot().lines().forEach(l -> previous.put(l.code(), l.value()));
            }
        }
        if (!s.contract().providerId().equals(s.caller().organisationId())) {
            TenantSettingsView settings = tenantSettings.get();
            lines = new Suppression(settings.suppressSmallNumbers(), settings.suppressionThreshold()).apply(lines);
        }
        return new ReturnView(s.contract().id(), s.module().id(), s.period().toString(), s.period().start(),
                s.period().lastDay(), status, due, ReturnDeadline.timeliness(due, LondonTime.today(clock),
                firstSubmitted == null ? null : LondonTime.dateOf(firstSubmitted)), firstSubmitted,
                lines.stream().map(l -> ReturnView.Line.of(l, previous.get(l.code()))).toList(),
                narratives.stream().map(ReturnView.Narrative::of).toList(),
                all.stream().map(v -> new ReturnView.Version(v.version(), v.status(), v.submittedAt(),
                        v.submittedBy(), v.hash(), v.intact(), v.decidedAt(), v.decidedBy(), v.comment())).toList());
    }

    private static StoredVersion latest(List<StoredVersion> all) {
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
