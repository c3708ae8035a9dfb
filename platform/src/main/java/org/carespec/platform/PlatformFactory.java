package org.carespec.platform;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans the platform needs that are not its own classes. */
@Factory
public class PlatformFactory {

    /** The clock every service reads, so tests can fix the time. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
