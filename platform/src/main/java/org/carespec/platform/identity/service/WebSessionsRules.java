package org.carespec.platform.identity.service;

import java.time.Duration;
import java.time.Instant;

/** When a browser session is still open. */
public final class WebSessionsRules {

    private WebSessionsRules() {
    }

    /** Whether a session last used at {@code lastSeen} and ending at {@code expires} is still open at {@code now}. */
    public static boolean open(Instant lastSeen, Instant expires, Instant now, Duration idle) {
        return now.isBefore(expires) && now.isBefore(lastSeen.plus(idle));
    }
}
