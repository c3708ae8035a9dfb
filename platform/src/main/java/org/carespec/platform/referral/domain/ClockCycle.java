package org.carespec.platform.referral.domain;

import java.time.LocalDate;

/** One run of a clock: started, due, met (or not yet), stopped because the referral ended (or not). */
public record ClockCycle(String code, int cycle, LocalDate startedOn, LocalDate dueOn, LocalDate metOn,
                         LocalDate stoppedOn) {

    public ClockStatus statusOn(LocalDate today) {
        if (metOn != null) {
            return metOn.isAfter(dueOn) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (stoppedOn != null) {
            return ClockStatus.STOPPED;
        }
        if (today.isBefore(dueOn)) {
            return ClockStatus.RUNNING;
        }
        return today.isEqual(dueOn) ? ClockStatus.DUE_TODAY : ClockStatus.OVERDUE;
    }
}
