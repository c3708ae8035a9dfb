package org.carespec.platform.returns.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK financial-year reporting period: a quarter ({@code 2027-28-Q3}: Q1 1 April–30 June, Q2 1 July–30 September,
 * Q3 1 October–31 December, Q4 1 January–31 March) or a whole year ({@code 2027-28}: 1 April 2027–31 March 2028).
 *
 * @param startYear the calendar year the financial year starts in (2027 for 2027-28)
 * @param quarter   1 to 4, or 0 for the whole year
 */
public record FinancialPeriod(int startYear, int quarter) {

    private static final Pattern ID = Pattern.compile("^(\\d{4})-(\\d{2})(?:-Q([1-4]))?$");

    public FinancialPeriod {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("the financial year must start between 1900 and 9998");
        }
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("the quarter must be 1 to 4, or 0 for the whole year");
        }
    }

    /** Reads {@code 2027-28-Q3} or {@code 2027-28}; the second year must follow the first. */
    public static FinancialPeriod parse(String id) {
        Matcher m = ID.matcher(Objects.requireNonNull(id, "id"));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a financial year like 2027-28 or a quarter like 2027-28-Q3");
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != (start + 1) % 100) {
            throw new IllegalArgumentException("the financial year " + m.group(1) + "-" + m.group(2)
                    + " does not exist: the second year follows the first, as in " + start + "-"
                    + String.format("%02d", (start + 1) % 100));
        }
        return new FinancialPeriod(start, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** The quarter a date falls in. */
    public static FinancialPeriod quarterOf(LocalDate date) {
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int quarter = date.getMonthValue() >= 4 ? (date.getMonthValue() - 4) / 3 + 1 : 4;
        return new FinancialPeriod(startYear, quarter);
    }

    public boolean isQuarter() {
        return quarter > 0;
    }

    /** The first day of the period. */
    public LocalDate start() {
        LocalDate yearStart = LocalDate.of(startYear, Month.APRIL, 1);
        return isQuarter() ? yearStart.plusMonths(3L * (quarter - 1)) : yearStart;
    }

    /** The day after the period's last day, so {@code start <= d < end} is "in the period". */
    public LocalDate end() {
        return start().plusMonths(isQuarter() ? 3 : 12);
    }

    /** The period's last day. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }

    public FinancialPeriod previous() {
        if (!isQuarter()) {
            return new FinancialPeriod(startYear - 1, 0);
        }
        return quarter == 1 ? new FinancialPeriod(startYear - 1, 4) : new FinancialPeriod(startYear, quarter - 1);
    }

    public FinancialPeriod next() {
        if (!isQuarter()) {
            return new FinancialPeriod(startYear + 1, 0);
        }
        return quarter == 4 ? new FinancialPeriod(startYear + 1, 1) : new FinancialPeriod(startYear, quarter + 1);
    }

    /** The whole financial year this period belongs to. */
    public FinancialPeriod year() {
        return new FinancialPeriod(startYear, 0);
    }

    @Override
    public String toString() {
        String year = startYear + "-" + String.format("%02d", (startYear + 1) % 100);
        return isQuarter() ? year + "-Q" + quarter : year;
    }
}
