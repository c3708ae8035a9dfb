package org.carespec.platform.returns.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnDeadline;
import org.carespec.platform.tenant.service.TenantCalendar;
import org.carespec.plugin.api.JsonView;

/**
 * When a contract's return for a period is due: the contract's {@code returnDueWorkingDays} (10 unless it says
 * otherwise, 002 §5.3) working days after the period's last day, on the tenant's calendar. The one recipe for the
 * return itself, the commissioner's overview and the deadline watch.
 */
@Singleton
public class ReturnDueDates {

    private final TenantCalendar calendars;

    public ReturnDueDates(TenantCalendar calendars) {
        this.calendars = calendars;
    }

    public LocalDate of(Contract contract, FinancialPeriod period) {
        return of(UUID.fromString(contract.tenantId()), contract.terms(), period);
    }

    /** @param terms the contract's settings */
    public LocalDate of(UUID tenant, JsonView terms, FinancialPeriod period) {
        return ReturnDeadline.dueDate(period, ReturnDeadline.workingDaysOf(terms), calendars.of(tenant));
    }
}
