package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.carespec.platform.identity.service.WebSessionsRules;
import org.junit.jupiter.api.Test;

/** A browser session is open until it has been unused for the idle time, and never past its absolute end. */
class WebSessionRulesTest {

    static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    static final Duration IDLE = Duration.ofMinutes(30);

    @Test
    void openUntilIdleForThirtyMinutesAndNeverPastItsEnd() {
        Instant end = NOON.plus(Duration.ofHours(12));
        assertTrue(WebSessionsRules.open(NOON, end, NOON.plus(Duration.ofMinutes(29)), IDLE));
        assertFalse(WebSessionsRules.open(NOON, end, NOON.plus(IDLE), IDLE), "exactly the idle time: ended");
        assertTrue(WebSessionsRules.open(end.minusSeconds(60), end, end.minusSeconds(1), IDLE));
        assertFalse(WebSessionsRules.open(end.minusSeconds(60), end, end, IDLE), "the absolute end, however busy");
    }
}
