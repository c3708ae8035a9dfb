package org.carespec.platform.errors;

import java.time.Duration;

/** Too many attempts from this client: try again after {@link #retryAfter()} (a 429 with {@code Retry-After}). */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as {@code Retry-After} says them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
