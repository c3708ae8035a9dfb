package org.carespec.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void halfOpenRangeContainsItsLowerBoundButNotItsUpper() {
        VersionRange range = VersionRange.parse("[1.0,2.0)");
        assertTrue(range.contains(Version.parse("1.0.0")));
        assertTrue(range.contains(Version.parse("1.9.9")));
        assertFalse(range.contains(Version.parse("2.0.0")));
        assertFalse(range.contains(Version.parse("0.9")));
    }

    @Test
    void openUpperBoundAcceptsEveryLaterVersion() {
        VersionRange range = VersionRange.parse("[1.2,)");
        assertTrue(range.contains(Version.parse("7.0")));
        assertFalse(range.contains(Version.parse("1.1.9")));
    }

    @Test
    void exclusiveLowerBoundRefusesTheBoundItself() {
        assertFalse(VersionRange.parse("(1.0,2.0]").contains(Version.parse("1.0")));
        assertTrue(VersionRange.parse("(1.0,2.0]").contains(Version.parse("2.0")));
    }

    @Test
    void bareVersionMeansExactlyThatVersion() {
        VersionRange exact = VersionRange.parse("1.0");
        assertTrue(exact.contains(Version.parse("1.0.0")));
        assertFalse(exact.contains(Version.parse("1.0.1")));
        assertEquals("1.0.0", exact.toString());
    }

    @Test
    void malformedRangesAreRefusedWithTheirText() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[1.0"))
                .getMessage().contains("[1.0"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[2.0,1.0)"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[a,b)"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[1,2,3)"));
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertTrue(Version.parse("1.10").compareTo(Version.parse("1.9")) > 0);
    }

    @Test
    void aRangeFromAVersionToItselfHoldsThatVersionAndReadsBackAsWritten() {
        assertTrue(VersionRange.parse("[1.0,1.0]").contains(Version.parse("1.0")));
        assertEquals("1.0.0", VersionRange.parse("[1.0,1.0]").toString());
        assertEquals("[1.0.0,2.0.0)", VersionRange.parse("[1.0,2.0)").toString());
        assertEquals("(1.0.0,)", VersionRange.parse("(1.0,)").toString());
        assertEquals("[,2.0.0]", VersionRange.parse("[,2.0]").toString());
    }

    @Test
    void aVersionHasOneToThreeParts() {
        assertEquals(Version.parse("2.0.0"), Version.parse("2"));
        assertEquals(Version.parse("2.1.0"), Version.parse("2.1"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2.3.4"));
    }
}
