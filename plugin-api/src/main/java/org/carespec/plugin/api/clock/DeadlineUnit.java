package org.carespec.plugin.api.clock;

/** How a deadline counts. */
public enum DeadlineUnit {
    /** Monday to Friday less the public holidays of the tenant's UK nation; day 1 is the next working day. */
    WORKING_DAYS,
    /** The start date plus N days. */
    CALENDAR_DAYS,
    /** The start date plus N weeks. */
    WEEKS,
    /** The start date plus N calendar months (a six-monthly review). */
    MONTHS
}
