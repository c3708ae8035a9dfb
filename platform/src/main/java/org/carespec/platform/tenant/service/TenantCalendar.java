package org.carespec.platform.tenant.service;

import jakarta.inject.Singleton;
import java.util.UUID;
import org.carespec.platform.calendar.WorkingDayCalendar;
import org.carespec.platform.calendar.WorkingDays;

/** A tenant's working days: Monday to Friday less the public holidays of the tenant's nation. */
@Singleton
public class TenantCalendar {

    private final WorkingDayCalendar calendar;
    private final TenantNations nations;

    public TenantCalendar(WorkingDayCalendar calendar, TenantNations nations) {
        this.calendar = calendar;
        this.nations = nations;
    }

    public WorkingDays of(UUID tenant) {
        return new WorkingDays(calendar, nations.of(tenant));
    }
}
