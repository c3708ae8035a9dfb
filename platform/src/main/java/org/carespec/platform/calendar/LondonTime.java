package org.carespec.platform.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.carespec.platform.errors.InvalidRequestException;

/** Case work happens in UK time: dates are Europe/London dates, and a time without an offset is London time. */
public final class LondonTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private LondonTime() {
    }

    /** An ISO date-time with or without an offset; 400 naming the field if it is neither. */
    public static Instant parse(String text, String field) {
        try {
            // Look before parsing: trying one shape and catching its exception for the other cost a referral 2% of
            // its CPU, London time without an offset being the usual shape.
            return hasOffset(text) ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "must be a date and time written like 2027-04-01T09:30:00"
                    + " (Europe/London) or with an offset, 2027-04-01T09:30:00+01:00");
        }
    }

    /** How far ahead of the platform's clock a person's own clock may run when they say when something happened. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * When a person says something happened: parsed as {@link #parse} does, to the microsecond PostgreSQL keeps, and
     * not in the future (beyond a few minutes' difference between clocks); 400 naming the field otherwise.
     */
    public static Instant happened(String text, String field, Clock clock) {
        Instant at = parse(text, field).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw InvalidRequestException.of(field, "must not be in the future");
        }
        return at;
    }

    /** An offset ({@code Z}, {@code +hh:mm} or {@code -hh:mm}) comes after the time, so after the {@code T}. */
    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        return time >= 0 && (text.indexOf('Z', time) > 0 || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
