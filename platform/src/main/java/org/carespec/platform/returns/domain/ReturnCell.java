package org.carespec.platform.returns.domain;

import java.math.BigDecimal;

/**
 * A breakdown cell of a return line: a category of a dimension and its figure ({@code numerator} and
 * {@code denominator} for percentages). {@code suppressed} (such as {@code "<5"}) replaces a small number for
 * readers outside the provider, and is never stored.
 */
public record ReturnCell(String dimension, String category, BigDecimal value, BigDecimal numerator,
                         BigDecimal denominator, String suppressed) {

    public ReturnCell(String dimension, String category, BigDecimal value, BigDecimal numerator,
                      BigDecimal denominator) {
        this(dimension, category, value, numerator, denominator, null);
    }
}
