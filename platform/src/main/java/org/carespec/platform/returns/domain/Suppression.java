package org.carespec.platform.returns.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Small-number suppression of a return's breakdown cells, for readers outside the provider: a cell counting from 1
 * to {@code threshold - 1} people is shown as {@code "<threshold"} with its value, numerator and denominator
 * withheld. Zero is shown: it identifies nobody. Headline figures are not suppressed.
 */
public record Suppression(boolean enabled, int threshold) {

    public static final Suppression OFF = new Suppression(false, 5);

    /** The lines as a reader outside the provider may see them. */
    public List<ReturnLine> apply(List<ReturnLine> lines) {
        if (!enabled) {
            return lines;
        }
        return lines.stream().map(l -> l.withBreakdown(l.breakdown().stream().map(this::apply).toList())).toList();
    }

    private ReturnCell apply(ReturnCell cell) {
        // A percentage is judged by the people it counts: 100% of 2 people is as revealing as 2.
        boolean small = cell.numerator() != null || cell.denominator() != null
                ? isSmall(cell.numerator()) || isSmall(cell.denominator())
                : isSmall(cell.value());
        return small ? new ReturnCell(cell.dimension(), cell.category(), null, null, null, "<" + threshold) : cell;
    }

    private boolean isSmall(BigDecimal count) {
        return count != null && count.signum() > 0 && count.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }
}
