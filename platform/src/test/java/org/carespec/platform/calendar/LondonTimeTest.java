package org.carespec.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.carespec.platform.errors.InvalidRequestException;
import org.junit.jupiter.api.Test;

class LondonTimeTest {

    @Test
    void aTimeWithoutAnOffsetIsLondonTimeSummerAndWinter() {
        assertEquals(Instant.parse("2027-07-01T08:30:00Z"), LondonTime.parse("2027-07-01T09:30:00", "at"));
        assertEquals(Instant.parse("2027-01-04T09:30:00Z"), LondonTime.parse("2027-01-04T09:30:00", "at"));
    }

    @Test
    void anOffsetIsHonouredWhateverItsSign() {
        assertEquals(Instant.parse("2027-07-01T09:30:00Z"), LondonTime.parse("2027-07-01T09:30:00Z", "at"));
        assertEquals(Instant.parse("2027-07-01T07:30:00Z"), LondonTime.parse("2027-07-01T09:30:00+02:00", "at"));
        assertEquals(Instant.parse("2027-07-01T14:30:00Z"), LondonTime.parse("2027-07-01T09:30:00-05:00", "at"));
    }

    @Test
    void anythingElseIsA400NamingTheField() {
        for (String bad : new String[] {"2027-07-01", "yesterday", "2027-13-01T09:30:00", "2027-07-01T09:30:00+25:00",
                "2027-07-01T09:30:00[Europe/London]", ""}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> LondonTime.parse(bad, "receivedAt"), bad);
            assertEquals("receivedAt", e.errors().get(0).field(), bad);
        }
    }
}
