package org.carespec.platform.calendar;

/** The UK nation whose public holidays make a tenant's working-day calendar. */
public enum Nation {
    ENGLAND_AND_WALES,
    SCOTLAND,
    NORTHERN_IRELAND
}
