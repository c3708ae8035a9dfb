package org.carespec.plugin.api.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.carespec.plugin.api.JsonView;

/** What a rule may know about a person: enough to decide, nothing more. */
public interface PersonFacts {

    Optional<LocalDate> dateOfBirth();

    /** The postcode, upper case with a single space ({@code HD1 2AB}), if known. */
    Optional<String> postcode();

    /** Equality monitoring answers as recorded ({@code /sex}, {@code /exService}…). */
    JsonView equality();

    /** The person's GP practice as recorded (000 §3.3: "registered with a Dorset GP"), when known. */
    default Optional<String> gpPractice() {
        return Optional.empty();
    }

    /**
     * The local authority the person lives in, as its ONS (GSS) code ({@code E08000034} for Kirklees), when a worker
     * has recorded it: the confirmed answer for a postcode district that straddles a council boundary (002 §1.6).
     */
    default Optional<String> localAuthority() {
        return Optional.empty();
    }

    /** Age in whole years on a date, if the date of birth is known. */
    default Optional<Integer> ageOn(LocalDate date) {
        return dateOfBirth().map(born -> Period.between(born, date).getYears());
    }
}
