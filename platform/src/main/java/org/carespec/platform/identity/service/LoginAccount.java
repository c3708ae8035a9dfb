package org.carespec.platform.identity.service;

import java.time.Instant;
import java.util.UUID;

/** What login needs to know of an account, read before any tenant is chosen. */
record LoginAccount(UUID id, String email, String passwordHash, boolean operator, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
