package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.List;
import org.carespec.platform.returns.domain.Suppression;
import org.carespec.platform.returns.domain.ReturnCell;
import org.carespec.platform.returns.domain.ReturnLine;
import org.junit.jupiter.api.Test;

/**
 * Small-number suppression cell by cell, at the edges of its threshold: a count from 1 to threshold - 1 is hidden,
 * the threshold itself and zero are shown, and a percentage is judged by the people it counts.
 */
class SuppressionRuleTest {

    static final Suppression FIVE = new Suppression(true, 5);

    @Test
    void countsFromOneToOneBelowTheThresholdAreHiddenAndTheThresholdItselfIsShown() {
        assertEquals("<5", shown(count(4)).suppressed());
        assertNull(shown(count(4)).value(), "the value is withheld, not only labelled");
        assertEquals("<5", shown(count(1)).suppressed());
        assertNull(shown(count(5)).suppressed());
        assertEquals(new BigDecimal(5), shown(count(5)).value());
        assertNull(shown(count(0)).suppressed(), "zero identifies nobody");
        assertEquals("<10", new Suppression(true, 10).apply(line(count(9))).get(0).breakdown().get(0).suppressed());
        assertNull(new Suppression(true, 10).apply(line(count(10))).get(0).breakdown().get(0).suppressed());
    }

    @Test
    void aPercentageCellIsHiddenWhenItsNumeratorOrDenominatorIsSmallWhateverItsValue() {
        ReturnCell hundredPercentOfFour = percentage(100, 4, 4);
        assertEquals("<5", shown(hundredPercentOfFour).suppressed());
        assertNull(shown(hundredPercentOfFour).numerator());
        assertNull(shown(hundredPercentOfFour).denominator());
        assertEquals("<5", shown(percentage(20, 1, 5)).suppressed(), "one person of five");
        assertNull(shown(percentage(50, 5, 10)).suppressed());
        assertNull(shown(percentage(0, 0, 5)).suppressed(), "none of five identifies nobody");
    }

    @Test
    void headlineFiguresAreNotSuppressedAndSwitchedOffNothingIs() {
        List<ReturnLine> lines = line(count(3));
        assertEquals(new BigDecimal(3), FIVE.apply(lines).get(0).value());
        assertSame(lines, Suppression.OFF.apply(lines));
        assertSame(lines, new Suppression(false, 5).apply(lines));
    }

    private static ReturnCell shown(ReturnCell cell) {
        return FIVE.apply(line(cell)).get(0).breakdown().get(0);
    }

    private static List<ReturnLine> line(ReturnCell cell) {
        return List.of(new ReturnLine("X1", "A line", "001 §1", "COUNT", new BigDecimal(3), null, null,
                List.of(cell), null, null, null));
    }

    private static ReturnCell count(int value) {
        return new ReturnCell("source", "GP", new BigDecimal(value), null, null);
    }

    private static ReturnCell percentage(int value, int numerator, int denominator) {
        return new ReturnCell("source", "GP", new BigDecimal(value), new BigDecimal(numerator),
                new BigDecimal(denominator));
    }
}
