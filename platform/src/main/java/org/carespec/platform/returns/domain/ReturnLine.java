package org.carespec.platform.returns.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A KPI's line in a return: its figure (after any adjustment), numerator and denominator for percentages, and its
 * breakdown. {@code computedValue} and {@code adjustmentJustification} are set when the provider adjusted the
 * figure; {@code definition} says what the module counts. This is what a submitted version freezes; the API shows it
 * through its own view.
 */
public record ReturnLine(String code, String title, String source, String unit, BigDecimal value,
                         BigDecimal numerator, BigDecimal denominator, List<ReturnCell> breakdown,
                         BigDecimal computedValue, String adjustmentJustification, String definition) {

    public ReturnLine {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }

    public ReturnLine withBreakdown(List<ReturnCell> cells) {
        return new ReturnLine(code, title, source, unit, value, numerator, denominator, cells, computedValue,
                adjustmentJustification, definition);
    }
}
