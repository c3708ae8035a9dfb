package org.carespec.plugin.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.carespec.plugin.api.JsonView;
import org.junit.jupiter.api.Test;

/** What a rule answers and what it may know of a person's age. */
class RuleVerdictTest {

    @Test
    void aFailedOrFlaggedRuleMustSayWhyAPassNeedNot() {
        assertEquals(RuleVerdict.Outcome.PASS, RuleVerdict.pass().outcome());
        assertEquals("Too young", RuleVerdict.fail("Too young").reason());
        assertEquals(RuleVerdict.Outcome.FLAG, RuleVerdict.flag("Check the address").outcome());
        assertThrows(IllegalArgumentException.class, () -> RuleVerdict.fail(" "));
        assertThrows(IllegalArgumentException.class, () -> RuleVerdict.flag(null));
        assertThrows(NullPointerException.class, () -> new RuleVerdict(null, "why"));
    }

    @Test
    void anAgeGoesUpOnTheBirthdayAndIsUnknownWithoutADateOfBirth() {
        PersonFacts born2008 = person(LocalDate.of(2008, 3, 12));
        assertEquals(Optional.of(17), born2008.ageOn(LocalDate.of(2026, 3, 11)));
        assertEquals(Optional.of(18), born2008.ageOn(LocalDate.of(2026, 3, 12)));
        PersonFacts leapDay = person(LocalDate.of(2024, 2, 29));
        assertEquals(Optional.of(1), leapDay.ageOn(LocalDate.of(2026, 2, 28)));
        assertEquals(Optional.of(2), leapDay.ageOn(LocalDate.of(2026, 3, 1)),
                "a leap-day birthday comes on 1 March in other years, as UK law counts it");
        assertEquals(Optional.empty(), person(null).ageOn(LocalDate.of(2026, 3, 12)));
    }

    private static PersonFacts person(LocalDate born) {
        return new PersonFacts() {
            @Override
            public Optional<LocalDate> dateOfBirth() {
                return Optional.ofNullable(born);
            }

            @Override
            public Optional<String> postcode() {
                return Optional.empty();
            }

            @Override
            public JsonView equality() {
                return JsonView.empty();
            }
        };
    }
}
