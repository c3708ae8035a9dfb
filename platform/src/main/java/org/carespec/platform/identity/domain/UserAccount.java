package org.carespec.platform.identity.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A login: one e-mail address and password, valid in every tenant where the account holds a membership. Global
 * (not tenant-owned): row-level security shows it to itself and to the tenants it belongs to.
 */
@MappedEntity("user_account")
public record UserAccount(@Id UUID id, String email, String displayName, String passwordHash, boolean operator,
                          int failedLogins, @Nullable Instant lockedUntil, @DateCreated Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
