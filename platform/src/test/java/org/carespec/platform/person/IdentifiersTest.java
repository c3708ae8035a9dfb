package org.carespec.platform.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.carespec.platform.person.domain.NhsNumber;
import org.carespec.platform.person.domain.Postcode;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void aValidNhsNumberPassesTheModulus11CheckWithOrWithoutSpaces() {
        // 943 476 5919: 9x10+4x9+3x8+4x7+7x6+6x5+5x4+9x3+1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9, the last digit.
        assertEquals(Optional.of("9434765919"), NhsNumber.normalise("943 476 5919"));
        assertEquals(Optional.of("9434765919"), NhsNumber.normalise("943-476-5919"));
    }

    @Test
    void aWrongCheckDigitOrACheckOfTenIsRefused() {
        assertTrue(NhsNumber.normalise("9434765918").isEmpty());
        // 123456789?: 1x10+2x9+3x8+4x7+5x6+6x5+7x4+8x3+9x2 = 210; 210 mod 11 = 1; 11 - 1 = 10: never valid.
        assertTrue(NhsNumber.normalise("1234567890").isEmpty());
        assertTrue(NhsNumber.normalise("94347659").isEmpty());
        assertTrue(NhsNumber.normalise("94347659AB").isEmpty());
    }

    @Test
    void aCheckOfElevenCountsAsZero() {
        // 100 000 000?: 1x10 = 10; 10 mod 11 = 10; 11 - 10 = 1, so "1000000001" is valid.
        assertEquals(Optional.of("1000000001"), NhsNumber.normalise("1000000001"));
        // 110 000 0000 -> 1x10+1x9 = 19; 19 mod 11 = 8; 11 - 8 = 3 -> "1100000003".
        assertEquals(Optional.of("1100000003"), NhsNumber.normalise("1100000003"));
        // A sum divisible by 11 gives 11, written 0: 2x10+0+0+0+0+0+0+0+1x2 = 22 -> "2000000010".
        assertEquals(Optional.of("2000000010"), NhsNumber.normalise("2000000010"));
    }

    @Test
    void postcodesAreNormalisedAndTheDistrictIsTheOutwardCode() {
        assertEquals(Optional.of("HD1 2AB"), Postcode.normalise("hd12ab"));
        assertEquals(Optional.of("WF17 5LX"), Postcode.normalise(" WF17 5LX "));
        assertEquals("WF17", Postcode.district("WF17 5LX"));
        assertTrue(Postcode.normalise("12345").isEmpty());
    }

    @Test
    void aDistrictIsEverythingBeforeTheSpaceOrTheWholeCodeWithoutOne() {
        org.junit.jupiter.api.Assertions.assertEquals("WF13",
                org.carespec.platform.person.domain.Postcode.district("WF13 1AB"));
        org.junit.jupiter.api.Assertions.assertEquals("HD1",
                org.carespec.platform.person.domain.Postcode.district("HD1"));
    }
}
