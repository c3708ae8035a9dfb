package org.carespec.platform.boot;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.DefaultClockProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carespec.platform.calendar.LondonTime;

/** Beans the platform needs that are not its own classes. */
@Factory
public class PlatformFactory {

    /**
     * The clock every service reads: the system's, or, when {@code carespec.clock.start} names an instant, one that
     * starts there and runs on at the system's pace. The test suite sets it so that every date rule sees the same
     * "today" whatever day the suite runs on; a training instance may set it to replay a chosen quarter.
     */
    @Singleton
    Clock clock(@Value("${carespec.clock.start:}") @Nullable String start) {
        if (start == null || start.isBlank()) {
            return Clock.systemUTC();
        }
        Instant startsAt = Instant.parse(start.trim());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), startsAt));
    }

    /**
     * The time {@code @PastOrPresent} and its kin judge by: the platform's clock in London, where the services run,
     * instead of the JVM's own, so that "not in the future" means the same to validation and to the services.
     */
    @Singleton
    @Replaces(DefaultClockProvider.class)
    ClockProvider validationClock(Clock clock) {
        Clock london = clock.withZone(LondonTime.ZONE);
        return () -> london;
    }
}
