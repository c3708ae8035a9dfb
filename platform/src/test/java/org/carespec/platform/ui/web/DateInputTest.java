package org.carespec.platform.ui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three boxes of a date read back only as a real date in a year a case record can have. */
class DateInputTest {

    @Test
    void aRealDateIsReadWithTheSpacesPeopleType() {
        assertEquals(LocalDate.of(2026, 4, 3), DateInput.of(" 3 ", "04", "2026 "));
        assertEquals(LocalDate.of(2024, 2, 29), DateInput.of("29", "2", "2024"));
        assertEquals(LocalDate.of(2026, 4, 3), DateInput.read(Map.of("heldOn-day", List.of("3"),
                "heldOn-month", List.of("4"), "heldOn-year", List.of("2026")), "heldOn"));
    }

    @Test
    void notARealDateOrAYearNoRecordCanHaveIsNone() {
        assertNull(DateInput.of("29", "2", "2025"), "not a leap year");
        assertNull(DateInput.of("20", "11", "20261120"), "a whole date typed in the year");
        assertNull(DateInput.of("2", "1", "1"), "year 1");
        assertNull(DateInput.of("1", "1", "0"));
        assertNull(DateInput.of("1", "1", "-1"));
        assertNull(DateInput.of("31", "12", "1899"));
        assertEquals(LocalDate.of(1900, 1, 1), DateInput.of("1", "1", "1900"));
        assertEquals(LocalDate.of(2100, 12, 31), DateInput.of("31", "12", "2100"));
        assertNull(DateInput.of("1", "1", "2101"));
        assertNull(DateInput.of("", "", ""));
        assertNull(DateInput.of(null, "1", "2026"));
        assertNull(DateInput.read(Map.of(), "heldOn"), "nothing posted");
    }

    @Test
    void theFieldShowsWhatWasTypedElseTheDayGiven() {
        SchemaForm.Field typed = DateInput.field("heldOn", "Day", null, true, Map.of("heldOn-year", "20261120"),
                LocalDate.of(2026, 11, 30), "The day must be a real date");
        assertEquals(Map.of("day", "30", "month", "11", "year", "20261120"), typed.parts());
        SchemaForm.Field empty = DateInput.field("dateOfBirth", "Date of birth", null, false, Map.of(), null, null);
        assertEquals(Map.of("day", "", "month", "", "year", ""), empty.parts());
    }
}
