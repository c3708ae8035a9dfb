package org.carespec.platform.returns.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.domain.ReturnStatus;
import org.carespec.platform.returns.repository.ReturnVersions;
import org.carespec.platform.returns.repository.ReturnVersions.StoredVersion;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.Role;

/**
 * Returns across contracts and over time: the commissioner's overview of a period (every contract it holds, where
 * its return stands), a KPI's series across quarters, and the same KPI compared across the providers of a module.
 * A tenant administrator sees every contract; a commissioner the contracts it holds; a provider's manager its own.
 */
@Singleton
public class ReturnOverview {

    private static final int MAX_POINTS = 12;

    private final Sql sql;
    private final CallerContext callers;
    private final PluginRegistry plugins;
    private final ReturnFigures figures;
    private final ReturnDueDates dueDates;
    private final ReturnVersions versions;
    private final Clock clock;

    public ReturnOverview(Sql sql, CallerContext callers, PluginRegistry plugins, ReturnFigures figures,
                          ReturnDueDates dueDates, ReturnVersions versions, Clock clock) {
        this.versions = versions;
        this.sql = sql;
        this.callers = callers;
        this.plugins = plugins;
        this.figures = figures;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    private record Held(UUID id, String moduleId, String reference, String title, UUID providerId, String providerName,
                        String settings) {

        JsonView terms() {
            return JsonView.of(Json.toMap(settings));
        }
    }

    /** Where a contract's return for a period stands: its versions, oldest first (none while a first draft). */
    private record Standing(List<StoredVersion> versions) {

        StoredVersion latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        ReturnStatus status() {
            return versions.isEmpty() ? ReturnStatus.DRAFT : latest().status();
        }

        Instant firstSubmitted() {
            return versions.isEmpty() ? null : versions.get(0).submittedAt();
        }
    }

    private Standing standing(Caller caller, UUID contract, FinancialPeriod period) {
        return new Standing(versions.of(caller.requireTenant(), contract, period.toString()));
    }

    /** Every contract the caller may see that runs during the period, with its return's status and due date. */
    @Transactional
    public List<ReturnSummary.Item> period(String periodId) {
        FinancialPeriod period = ReturnPeriods.parse(periodId, "period");
        Caller caller = callers.require();
        LocalDate today = LondonTime.today(clock);
        List<ReturnSummary.Item> items = new ArrayList<>();
        for (Held c : held(caller, period, null)) {
            Standing standing = standing(caller, c.id(), period);
            LocalDate due = dueDates.of(caller.requireTenant(), c.terms(), period);
            Instant submitted = standing.firstSubmitted();
            items.add(new ReturnSummary.Item(c.id(), c.moduleId(), c.reference(), c.title(), c.providerId(),
                    c.providerName(), period.toString(), standing.status(), standing.versions().size(), due,
                    ReturnDeadline.timeliness(due, today,
                    submitted == null ? null : LondonTime.dateOf(submitted)), submitted));
        }
        return items;
    }

    /** A KPI of one contract across periods, oldest first: {@code from} and {@code to} default to the last year. */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReturnSummary.Series series(UUID contractId, String code, String fromId, String toId) {
        try {
            return seriesOf(contractId, code, fromId, toId);
        } catch (IllegalArgumentException e) { // a period at the edge of the calendar the platform knows
            throw InvalidRequestException.of(toId == null ? "from" : "to", e.getMessage());
        }
    }

    private ReturnSummary.Series seriesOf(UUID contractId, String code, String fromId, String toId) {
        Caller caller = callers.require();
        FinancialPeriod lastEnded = FinancialPeriod.quarterOf(LondonTime.today(clock)).previous();
        FinancialPeriod to = toId == null ? lastEnded : ReturnPeriods.parse(toId, "to");
        FinancialPeriod from = fromId == null ? to.previous().previous().previous() : ReturnPeriods.parse(fromId, "from");
        if (from.isQuarter() != to.isQuarter() || from.start().isAfter(to.start())) {
            throw InvalidRequestException.of("from", "must be a period of the same kind as to, and not after it");
        }
        Held contract = held(caller, null, contractId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Contract " + contractId));
        InstalledPlugin module = module(contract.moduleId());
        List<ReturnSummary.Point> points = new ArrayList<>();
        String title = null;
        String unit = null;
        for (FinancialPeriod p = from; !p.start().isAfter(to.start()); p = p.next()) {
            if (points.size() == MAX_POINTS) {
                throw InvalidRequestException.of("from", "a series covers at most " + MAX_POINTS + " periods");
            }
            Standing standing = standing(caller, contract.id(), p);
            Optional<ReturnLine> line = line(caller, contract.id(), module, p, code, standing);
            if (line.isEmpty()) {
                throw new NotFoundException("KPI " + code + " of module " + module.id());
            }
            title = line.get().title();
            unit = line.get().unit();
            points.add(new ReturnSummary.Point(p.toString(), standing.status(), line.get().value(),
                    line.get().numerator(), line.get().denominator()));
        }
        return new ReturnSummary.Series(contractId, code, title, unit, points);
    }

    /** One KPI for every contract of a module the caller may see, for one period. */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReturnSummary.Comparison compare(String moduleId, String code, String periodId) {
        FinancialPeriod period = ReturnPeriods.parse(periodId, "period");
        Caller caller = callers.require();
        InstalledPlugin module = module(moduleId);
        List<ReturnSummary.ComparedContract> compared = new ArrayList<>();
        for (Held c : held(caller, period, null)) {
            if (!c.moduleId().equals(moduleId)) {
                continue;
            }
            Standing standing = standing(caller, c.id(), period);
            ReturnLine line = line(caller, c.id(), module, period, code, standing)
                    .orElseThrow(() -> new NotFoundException("KPI " + code + " of module " + moduleId));
            compared.add(new ReturnSummary.ComparedContract(c.id(), c.reference(), c.providerId(), c.providerName(),
                    standing.status(), line.value(), line.numerator(), line.denominator()));
        }
        return new ReturnSummary.Comparison(moduleId, code, period.toString(), compared);
    }

    /** The line from the latest submitted or approved snapshot, else as computed now. */
    private Optional<ReturnLine> line(Caller caller, UUID contract, InstalledPlugin module, FinancialPeriod period,
                                      String code, Standing standing) {
        if (standing.status().stands()) {
            return standing.latest().snapshot().lines().stream().filter(l -> l.code().equals(code)).findFirst();
        }
        return figures.computeOne(caller.requireTenant(), contract, module, period, code);
    }

    private InstalledPlugin module(String moduleId) {
        return plugins.find(moduleId).orElseThrow(() -> new NotFoundException("Module " + moduleId));
    }

    /** The contracts the caller may see: all for an administrator, held for a commissioner, own for a provider. */
    private List<Held> held(Caller caller, FinancialPeriod during, UUID only) {
        StringBuilder query = new StringBuilder("""
                select c.id, c.module_id, c.reference, c.title, c.provider_id, o.name as provider_name,
                       c.settings::text as settings
                from contract c join organisation o on o.tenant_id = c.tenant_id and o.id = c.provider_id
                where c.tenant_id = ?""");
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant()));
        if (!caller.has(Role.TENANT_ADMIN)) {
            query.append(caller.has(Role.COMMISSIONER) ? " and c.commissioner_id = ?" : " and c.provider_id = ?");
            parameters.add(caller.requireOrganisation());
        }
        if (during != null) {
            query.append(" and c.start_date <= ? and c.end_date >= ?");
            parameters.add(during.lastDay());
            parameters.add(during.start());
        }
        if (only != null) {
            query.append(" and c.id = ?");
            parameters.add(only);
        }
        query.append(" order by o.name, c.reference, c.id");
        return sql.list(query.toString(), parameters, rs -> new Held(Sql.uuid(rs, "id"), rs.getString("module_id"),
                rs.getString("reference"), rs.getString("title"), Sql.uuid(rs, "provider_id"),
                rs.getString("provider_name"), rs.getString("settings")));
    }
}
