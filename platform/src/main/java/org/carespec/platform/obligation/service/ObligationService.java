package org.carespec.platform.obligation.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.calendar.WorkingDays;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.obligation.domain.ObligationSchedule;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.returns.repository.ReturnVersions;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantCalendar;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.obligation.DueRule;
import org.carespec.plugin.api.obligation.ObligationDefinition;

/**
 * A contract's obligations: the module's duties scheduled over the contract (up to a year ahead), each occurrence
 * DUE, OVERDUE or DONE. The provider's manager records what was done; the commissioner sees the same schedule.
 */
@Singleton
public class ObligationService {

    private final ContractService contracts;
    private final PluginRegistry plugins;
    private final CallerContext callers;
    private final TenantCalendar calendars;
    private final Sql sql;
    private final Clock clock;
    private final ReturnVersions versions;

    public ObligationService(ContractService contracts, PluginRegistry plugins, CallerContext callers,
                             TenantCalendar calendars, Sql sql, Clock clock,
                             ReturnVersions versions) {
        this.contracts = contracts;
        this.plugins = plugins;
        this.callers = callers;
        this.calendars = calendars;
        this.sql = sql;
        this.clock = clock;
        this.versions = versions;
    }

    private record Done(LocalDate doneOn, String doneBy, String note) {
    }

    /** Every occurrence from the contract's start to a year from today, soonest due first. */
    @Transactional
    public List<ObligationView> schedule(UUID contractId) {
        callers.require();
        return scheduleOf(contracts.visible(contractId), LondonTime.today(clock));
    }

    /**
     * The schedule of a contract already known to be the caller's to see (or a system job's, in its tenant), as it
     * stands on {@code today}.
     */
    @Transactional
    public List<ObligationView> scheduleOf(Contract contract, LocalDate today) {
        UUID tenant = UUID.fromString(contract.tenantId());
        InstalledPlugin module = module(contract);
        Map<String, Done> done = sql.list("select code, occurrence, done_on, done_by, note from obligation_record"
                        + " where tenant_id = ? and contract_id = ?", List.of(tenant, contract.id()),
                rs -> Map.entry(rs.getString(1) + "|" + rs.getString(2), new Done(rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        WorkingDays workingDays = calendars.of(tenant);
        JsonView settings = contract.terms();
        boolean followsReturns = module.obligations().stream()
                .anyMatch(o -> o.due() instanceof DueRule.QuarterlyReturn);
        Map<String, ReturnVersions.StoredVersion> returns = followsReturns ? versions.standing(tenant, contract.id()) : Map.of();
        List<ObligationView> views = new ArrayList<>();
        for (ObligationDefinition o : module.obligations()) {
            for (ObligationSchedule.Occurrence occurrence : occurrences(o, contract, workingDays, settings, today)) {
                Done d = done.get(o.code() + "|" + occurrence.key());
                ReturnVersions.StoredVersion submitted = returns.get(occurrence.key());
                if (d == null && o.due() instanceof DueRule.QuarterlyReturn && submitted != null) {
                    d = new Done(submitted.submittedOn(), submitted.submittedBy(),
                            "Return version " + submitted.version() + " submitted");
                }
                views.add(new ObligationView(o.code(), o.title(), o.source().toString(), occurrence.key(),
                        occurrence.dueDate(), ObligationSchedule.status(occurrence.dueDate(), today,
                        d == null ? null : d.doneOn()), d == null ? null : d.doneOn(), d == null ? null : d.doneBy(),
                        d == null ? null : d.note()));
            }
        }
        views.sort(Comparator.comparing(ObligationView::dueDate).thenComparing(ObligationView::code));
        return views;
    }

    /** The provider's manager records an occurrence as done (again, to correct it). */
    @Transactional
    public ObligationView markDone(UUID contractId, String code, String occurrence, ObligationView.Done c) {
        Caller caller = callers.require();
        Contract contract = contracts.visible(contractId);
        if (!caller.managesProvider(contract.providerId())) {
            throw new ForbiddenException("Only the provider's manager records its contract obligations.");
        }
        requireScheduled(contract, code, occurrence);
        sql.update("""
                insert into obligation_record (tenant_id, contract_id, code, occurrence, done_on, done_by, note)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, contract_id, code, occurrence)
                do update set done_on = excluded.done_on, done_by = excluded.done_by, note = excluded.note,
                              recorded_at = now()""",
                Arrays.asList(caller.requireTenant(), contractId, code, occurrence, c.doneOn(), caller.actor(), c.note()));
        return schedule(contractId).stream().filter(v -> v.code().equals(code) && v.occurrence().equals(occurrence))
                .findFirst().orElseThrow();
    }

    /** The contract the caller can see, if it has this occurrence of this obligation; else 404. */
    @Transactional
    public Contract requireScheduled(UUID contractId, String code, String occurrence) {
        Contract contract = contracts.visible(contractId);
        requireScheduled(contract, code, occurrence);
        return contract;
    }

    private void requireScheduled(Contract contract, String code, String occurrence) {
        ObligationDefinition o = module(contract).obligations().stream().filter(x -> x.code().equals(code))
                .findFirst().orElseThrow(() -> new NotFoundException("Obligation " + code));
        boolean scheduled = occurrences(o, contract, calendars.of(UUID.fromString(contract.tenantId())),
                contract.terms(), LondonTime.today(clock)).stream()
                .anyMatch(x -> x.key().equals(occurrence));
        if (!scheduled) {
            throw new NotFoundException("Obligation " + code + " has no occurrence " + occurrence);
        }
    }

    private List<ObligationSchedule.Occurrence> occurrences(ObligationDefinition o, Contract contract,
                                                           WorkingDays workingDays, JsonView settings, LocalDate today) {
        Function<String, java.util.Optional<Integer>> setting = p -> settings.integer(p)
                .filter(ReturnDeadline::isPlausible);
        return ObligationSchedule.of(o.due(), contract.startDate(), contract.endDate(), today.plusYears(1),
                workingDays, setting, type -> firstEvents(contract, type));
    }

    /** Each referral of the contract with an event of this type, and the date of its first. */
    private Map<UUID, LocalDate> firstEvents(Contract contract, ReferralEventType type) {
        return sql.list("select e.referral_id, min(e.occurred_on) from referral_event e"
                        + " join referral r on r.tenant_id = e.tenant_id and r.id = e.referral_id"
                        + " where r.tenant_id = ? and r.contract_id = ? and e.type = ? group by e.referral_id",
                List.of(UUID.fromString(contract.tenantId()), contract.id(), type.name()),
                rs -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private InstalledPlugin module(Contract contract) {
        return plugins.find(contract.moduleId())
                .orElseThrow(() -> new NotFoundException("The module of contract " + contract.id()));
    }
}
