package org.carespec.platform.returns.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.returns.domain.Suppression;
import org.carespec.platform.returns.export.ReturnExport;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantNations;
import org.carespec.plugin.api.JsonView;
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
    private final TenantNations nations;
    private final WorkingDayCalendar calendar;
    private final Sql sql;
    private final Clock clock;
    private final ReturnExport exports;
    private final ReturnOverview overview;
    private final AuditLog audit;

    public ReturnService(ContractService contracts, PluginRegistry plugins, ReturnFigures figures,
                         CallerContext callers, TenantNations nations, WorkingDayCalendar calendar, Sql sql,
                         Clock clock, ReturnExport exports, ReturnOverview overview, AuditLog audit) {
        this.exports = exports;
        this.overview = overview;
        this.audit = audit;
        this.contracts = contracts;
        this.plugins = plugins;
        this.figures = figures;
        this.callers = callers;
        this.nations = nations;
        this.calendar = calendar;
        this.sql = sql;
        this.clock = clock;
    }

    private record Subject(Caller caller, Contract contract, InstalledPlugin module, FinancialPeriod period) {
    }

    private record StoredVersion(UUID id, int version, String status, Instant submittedAt, String submittedBy,
                                 String snapshot, String hash, boolean intact, Instant decidedAt, String decidedBy,
                                 String comment) {
        ReturnView.Version view() {
            return new ReturnView.Version(version, status, submittedAt, submittedBy, hash, intact, decidedAt,
                    decidedBy, comment);
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
                List.of(s.caller().tenant(), contractId, s.period().toString(), c.code(), c.text(),
                        s.caller().actor()));
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
                List.of(s.caller().tenant(), contractId, s.period().toString(), c.code(), c.value(),
                        c.justification(), s.caller().actor()));
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
        ReturnFigures.Live live = figures.compute(s.caller().tenant(), contractId, s.module(), s.period());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("contractId", contractId.toString());
        snapshot.put("moduleId", s.module().id());
        snapshot.put("moduleVersion", s.module().descriptor().version());
        snapshot.put("period", s.period().toString());
        snapshot.put("computedAt", clock.instant().toString());
        snapshot.put("lines", live.lines());
        snapshot.put("narratives", live.narratives());
        StoredVersion latest = latest(s);
        String frozen = Json.write(snapshot);
        sql.update("""
                insert into return_version (tenant_id, id, contract_id, period, version, status, submitted_at,
                    submitted_by, snapshot, snapshot_hash)
                values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, cast(? as jsonb),
                        encode(sha256(convert_to(cast(? as jsonb)::text, 'UTF8')), 'hex'))""",
                Arrays.asList(s.caller().tenant(), Ids.newId(), s.contract().id(),
                        s.period().toString(), latest == null ? 1 : latest.version() + 1, clock.instant(),
                        s.caller().actor(), frozen, frozen));
        return view(s);
    }

    /** The contract's commissioner accepts the submitted version. */
    @Transactional
    public ReturnView approve(UUID contractId, String periodId) {
        return decide(contractId, periodId, "APPROVED", null);
    }

    /** The contract's commissioner sends the submitted version back with a comment saying what to change. */
    @Transactional
    public ReturnView sendBack(UUID contractId, String periodId, String comment) {
        return decide(contractId, periodId, "RETURNED", comment);
    }

    private ReturnView decide(UUID contractId, String periodId, String decision, String comment) {
        Subject s = subject(contractId, periodId);
        lock(s);
        if (!s.caller().has(Role.COMMISSIONER) || !s.contract().commissionerId().equals(s.caller().organisationId())) {
            throw new ForbiddenException("Only the commissioner of this contract can approve or return its returns.");
        }
        StoredVersion latest = latest(s);
        if (latest == null || !latest.status().equals("SUBMITTED")) {
            throw new ConflictException("The return for " + s.period() + " is "
                    + (latest == null ? "DRAFT" : latest.status()) + "; only a SUBMITTED return can be decided.");
        }
        int decided = sql.update("update return_version set status = ?, decided_at = ?, decided_by = ?, comment = ?"
                        + " where tenant_id = ? and id = ? and status = 'SUBMITTED'",
                Arrays.asList(decision, clock.instant(), s.caller().actor(), comment, s.caller().tenant(),
                        latest.id()));
        if (decided != 1) {
            throw new ConflictException("The return for " + s.period() + " was decided meanwhile.");
        }
        return view(s);
    }

    // ------------------------------------------------------------------ exports

    /** A file and how to send it. */
    public record ExportFile(byte[] bytes, String mediaType, String fileName) {
    }

    /**
     * The return as a file, exactly as the caller would see it in the API; the PDF adds the year's earlier quarters
     * as columns, each as submitted (or live while a draft). Every export leaves an audit event.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ExportFile export(UUID contractId, String periodId, ReturnExport.Format format) {
        Subject s = subject(contractId, periodId);
        ReturnView view = view(s);
        String reference = s.contract().reference() == null ? contractId.toString() : s.contract().reference();
        byte[] bytes = switch (format) {
            case CSV -> exports.csv(view);
            case XLSX -> exports.xlsx(view, reference);
            case PDF -> pdf(s, view);
        };
        audit.record("export", "return", contractId + ":" + s.period(),
                Json.write(Map.of("format", format.name(), "status", view.status())));
        String name = ("return-" + reference + "-" + s.period()).replaceAll("[^A-Za-z0-9._-]", "_");
        return new ExportFile(bytes, format.mediaType, name + "." + format.extension);
    }

    private byte[] pdf(Subject s, ReturnView view) {
        List<String> quarters = new java.util.ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        if (s.period().isQuarter()) {
            // Q1 to Q4 of the financial year: earlier quarters as reported, this one as it stands, later ones blank.
            for (int q = 1; q <= 4; q++) {
                FinancialPeriod quarter = new FinancialPeriod(s.period().startYear(), q);
                quarters.add(quarter.toString());
                if (q < s.period().quarter()) {
                    Map<String, BigDecimal> byCode = new LinkedHashMap<>();
                    for (ReturnView.Line l : view.lines()) {
                        overview.series(s.contract().id(), l.code(), quarter.toString(), quarter.toString())
                                .points().forEach(p -> {
                                    if (p.value() != null) {
                                        byCode.put(l.code(), p.value());
                                    }
                                });
                    }
                    values.put(quarter.toString(), byCode);
                }
            }
        } else {
            quarters.add(s.period().toString());
        }
        Map<String, BigDecimal> current = new LinkedHashMap<>();
        view.lines().forEach(l -> {
            if (l.value() != null) {
                current.put(l.code(), l.value());
            }
        });
        values.put(s.period().toString(), current);
        String provider = sql.one("select name from organisation where tenant_id = ? and id = ?",
                List.of(s.caller().tenant(), s.contract().providerId()), rs -> rs.getString(1)).orElse("");
        return exports.pdf(view, s.contract().title(), provider, quarters, values);
    }

    // ------------------------------------------------------------------ reading

    private Subject subject(UUID contractId, String periodId) {
        FinancialPeriod period = period(periodId);
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
        if (!s.caller().has(Role.PROVIDER_MANAGER) || !s.contract().providerId().equals(s.caller().organisationId())) {
            throw new ForbiddenException("Only the provider's manager can write, adjust or submit its returns.");
        }
        if (!s.period().end().isAfter(s.contract().startDate()) || s.period().start().isAfter(s.contract().endDate())) {
            throw new ConflictException("The contract does not run during " + s.period() + " (it runs from "
                    + s.contract().startDate() + " to " + s.contract().endDate() + ").");
        }
        lock(s);
        StoredVersion latest = latest(s);
        if (latest != null && !latest.status().equals("RETURNED")) {
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

    private ReturnView view(Subject s) {
        List<StoredVersion> versions = versions(s);
        StoredVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        String status = latest == null ? "DRAFT" : latest.status();
        Nation nation = nations.of(s.caller().tenant());
        int dueDays = ReturnDeadline.workingDaysOf(JsonView.of(Json.toMap(s.contract().settings())));
        LocalDate due = ReturnDeadline.dueDate(s.period(), dueDays,
                (d, n) -> calendar.workingDaysAfter(d, n, nation));
        Instant firstSubmitted = versions.isEmpty() ? null : versions.get(0).submittedAt();
        List<ReturnView.Line> lines;
        List<ReturnView.Narrative> narratives;
        if (latest != null && !status.equals("RETURNED")) {
            Frozen frozen = Json.convert(Json.toMap(latest.snapshot()), Frozen.class);
            lines = frozen.lines();
            narratives = frozen.narratives();
        } else {
            ReturnFigures.Live live = figures.compute(s.caller().tenant(), s.contract().id(), s.module(), s.period());
            narratives = live.narratives();
            if (latest == null) {
                lines = live.lines();
            } else {
                Map<String, BigDecimal> previous = new LinkedHashMap<>();
                Json.convert(Json.toMap(latest.snapshot()), Frozen.class).lines()
                        .forEach(l -> previous.put(l.code(), l.value()));
                lines = live.lines().stream().map(l -> l.withPrevious(previous.get(l.code()))).toList();
            }
        }
        if (!s.contract().providerId().equals(s.caller().organisationId())) {
            lines = suppression(s.caller().tenant()).apply(lines);
        }
        return new ReturnView(s.contract().id(), s.module().id(), s.period().toString(), s.period().start(),
                s.period().lastDay(), status, due, ReturnDeadline.timeliness(due, LondonTime.today(clock),
                firstSubmitted == null ? null : LondonTime.dateOf(firstSubmitted)), firstSubmitted, lines,
                narratives, versions.stream().map(StoredVersion::view).toList());
    }

    /** The tenant's small-number suppression, applied to what readers outside the provider see. */
    private Suppression suppression(UUID tenant) {
        return sql.one("select suppress_small_numbers, suppression_threshold from tenant where id = ?", List.of(tenant),
                rs -> new Suppression(rs.getBoolean(1), rs.getInt(2))).orElse(Suppression.OFF);
    }

    /** The part of a snapshot a view shows. */
    @io.micronaut.serde.annotation.Serdeable
    public record Frozen(List<ReturnView.Line> lines, List<ReturnView.Narrative> narratives) {
    }

    private StoredVersion latest(Subject s) {
        List<StoredVersion> all = versions(s);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<StoredVersion> versions(Subject s) {
        return sql.list("""
                select id, version, status, submitted_at, submitted_by, snapshot::text as snapshot, snapshot_hash,
                       snapshot_hash = encode(sha256(convert_to(snapshot::text, 'UTF8')), 'hex') as intact,
                       decided_at, decided_by, comment
                from return_version where tenant_id = ? and contract_id = ? and period = ? order by version""",
                List.of(s.caller().tenant(), s.contract().id(), s.period().toString()),
                rs -> new StoredVersion(Sql.uuid(rs, "id"), rs.getInt("version"), rs.getString("status"),
                        Sql.instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getString("snapshot"),
                        rs.getString("snapshot_hash"), rs.getBoolean("intact"), Sql.instant(rs, "decided_at"),
                        rs.getString("decided_by"), rs.getString("comment")));
    }

    static FinancialPeriod period(String id) {
        try {
            return FinancialPeriod.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("period", e.getMessage());
        }
    }
}
