package org.carespec.plugin.api.kpi;

/** What a KPI's value measures. */
public enum KpiUnit {
    COUNT,
    /** A share; the return keeps numerator and denominator beside the percentage. */
    PERCENTAGE,
    DAYS,
    HOURS,
    /** Pounds sterling held as pence. */
    MONEY
}
