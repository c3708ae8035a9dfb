package org.carespec.plugin.api.kpi;

/** How often a figure is reported: each UK financial-year quarter, or once a financial year. */
public enum ReportingPeriod {
    QUARTER,
    YEAR
}
