package org.carespec.platform.deadline.service;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.repository.ContractRepository;
import org.carespec.platform.obligation.domain.ObligationSchedule;
import org.carespec.platform.obligation.service.ObligationService;
import org.carespec.platform.obligation.service.ObligationView;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.service.ReturnDueDates;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.repository.ReturnVersions;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantIds;
import org.carespec.plugin.api.kpi.ReportingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline watch, a scheduled job: for every contract of every tenant it opens the return of each period that
 * has ended (with its due date), raises an alert when a return or an obligation falls overdue, and resolves the
 * alert when the return is submitted or the obligation recorded as done. What it does is idempotent, and several
 * platform instances may run it at once: each tenant's pass holds a transaction-scoped advisory lock in
 * PostgreSQL, and an instance that cannot take it leaves that tenant to the one that has.
 */
@Singleton
public class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

    private final CallerContext callers;
    private final TransactionOperations<Connection> transactions;
    private final ContractRepository contracts;
    private final PluginRegistry plugins;
    private final ObligationService obligations;
    private final ReturnDueDates dueDates;
    private final Clock clock;
    private final TenantIds tenantIds;
    private final ReturnVersions versions;

    public DeadlineWatch(CallerContext callers, TransactionOperations<Connection> transactions,
                         ContractRepository contracts, PluginRegistry plugins, ObligationService obligations,
                         ReturnDueDates dueDates, Clock clock, TenantIds tenantIds,
                         ReturnVersions versions) {
        this.tenantIds = tenantIds;
        this.versions = versions;
        this.callers = callers;
        this.transactions = transactions;
        this.contracts = contracts;
        this.plugins = plugins;
        this.obligations = obligations;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    /** What one tenant's pass did. */
    public record Pass(int returnsOpened, int alertsRaised, int alertsResolved) {
    }

    @Scheduled(fixedDelay = "${carespec.deadlines.interval:15m}",
            initialDelay = "${carespec.deadlines.initial-delay:1m}")
    void watchAll() {
        LocalDate today = LondonTime.today(clock);
        for (UUID tenant : tenantIds.all("deadline-watch")) {
            try {
                watch(tenant, today).ifPresent(pass -> {
                    if (pass.returnsOpened() + pass.alertsRaised() + pass.alertsResolved() > 0) {
                        LOG.info("Deadline watch, tenant {}: {}", tenant, pass);
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("The deadline watch failed for tenant {}", tenant, e);
            }
        }
    }

    /** One tenant's pass as on {@code today}; empty when another instance is doing it now. */
    public Optional<Pass> watch(UUID tenant, LocalDate today) {
        return callers.callAs(Caller.system("deadline-watch").inTenant(tenant),
                () -> transactions.executeWrite(status -> {
                    Connection c = status.getConnection();
                    if (!tryLock(c, tenant)) {
                        return Optional.empty();
                    }
                    int[] counts = new int[3];
                    for (Contract contract : contracts.findAll()) {
                        Optional<InstalledPlugin> module = plugins.find(contract.moduleId());
                        if (module.isPresent()) {
                            watchReturns(c, tenant, contract, module.get(), today, counts);
                            watchObligations(c, tenant, contract, today, counts);
                        }
                    }
                    return Optional.of(new Pass(counts[0], counts[1], counts[2]));
                }));
    }

    private static boolean tryLock(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext('deadline-watch:' || ?))")) {
            ps.setString(1, tenant.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void watchReturns(Connection c, UUID tenant, Contract contract, InstalledPlugin module, LocalDate today,
                              int[] counts) throws SQLException {
        Set<String> submitted = versions.standing(tenant, contract.id()).keySet();
        for (FinancialPeriod period : endedPeriods(contract, module, today)) {
            LocalDate due = dueDates.of(contract, period);
            counts[0] += update(c, "insert into return_opening (tenant_id, contract_id, period, due_on)"
                    + " values (?, ?, ?, ?) on conflict do nothing", tenant, contract.id(), period.toString(), due);
            String p = period.toString();
            if (submitted.contains(p)) {
                counts[2] += resolve(c, tenant, contract.id(), "RETURN_OPEN", p);
                counts[2] += resolve(c, tenant, contract.id(), "RETURN_OVERDUE", p);
                continue;
            }
            counts[1] += raise(c, tenant, contract.id(), "RETURN_OPEN", p,
                    "The " + p + " return of " + contract.reference() + " is open, due " + due, due);
            if (today.isAfter(due)) {
                counts[1] += raise(c, tenant, contract.id(), "RETURN_OVERDUE", p,
                        "The " + p + " return of " + contract.reference() + " was due " + due + " and is not in",
                        due);
            }
        }
    }

    private void watchObligations(Connection c, UUID tenant, Contract contract, LocalDate today, int[] counts)
            throws SQLException {
        for (ObligationView o : obligations.scheduleOf(contract, today)) {
            String subject = o.code() + "/" + o.occurrence();
            if (o.status() == ObligationSchedule.Status.OVERDUE) {
                counts[1] += raise(c, tenant, contract.id(), "OBLIGATION_OVERDUE", subject,
                        o.title() + " (" + o.occurrence() + ") for " + contract.reference() + " was due " + o.dueDate(),
                        o.dueDate());
            } else if (o.status() == ObligationSchedule.Status.DONE) {
                counts[2] += resolve(c, tenant, contract.id(), "OBLIGATION_OVERDUE", subject);
            }
        }
    }

    /** Quarters (and, for a module with annual KPIs, financial years) of the contract that ended before today. */
    static List<FinancialPeriod> endedPeriods(Contract contract, InstalledPlugin module, LocalDate today) {
        boolean annual = module.kpis().stream().anyMatch(k -> k.period() == ReportingPeriod.YEAR);
        List<FinancialPeriod> periods = new ArrayList<>();
        for (FinancialPeriod q = FinancialPeriod.quarterOf(contract.startDate());
             q.lastDay().isBefore(today) && !q.start().isAfter(contract.endDate()); q = q.next()) {
            periods.add(q);
            if (annual && q.quarter() == 4) {
                periods.add(q.year());
            }
        }
        return periods;
    }

    private static int raise(Connection c, UUID tenant, UUID contract, String kind, String subject, String title,
                             LocalDate due) throws SQLException {
        // New, or resolved and true again (a return sent back, an obligation's record withdrawn): raised again.
        return update(c, "insert into deadline_alert (tenant_id, id, contract_id, kind, subject, title, due_on)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, contract_id, kind, subject)"
                + " do update set resolved_at = null, raised_at = now() where deadline_alert.resolved_at is not null",
                tenant, UUID.randomUUID(), contract, kind, subject, title, due);
    }

    private static int resolve(Connection c, UUID tenant, UUID contract, String kind, String subject)
            throws SQLException {
        return update(c, "update deadline_alert set resolved_at = now() where tenant_id = ? and contract_id = ?"
                + " and kind = ? and subject = ? and resolved_at is null", tenant, contract, kind, subject);
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
