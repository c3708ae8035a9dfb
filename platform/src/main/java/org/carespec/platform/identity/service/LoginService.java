package org.carespec.platform.identity.service;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a username and password and decides which tenant the token will be for. Ten failures in a row lock the
 * account for fifteen minutes; every failure and every lock is logged (by account id, never by password).
 */
@Singleton
public class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final LoginDirectory directory;
    private final PasswordHasher hasher;
    private final Clock clock;

    public LoginService(LoginDirectory directory, PasswordHasher hasher, Clock clock) {
        this.directory = directory;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * @param tenantSlug the tenant to sign in to; needed only when the account belongs to several
     * @throws LoginRefusedException   wrong e-mail or password, locked account, or not a member of that tenant
     * @throws InvalidRequestException the account belongs to several tenants and none was named
     */
    public Authentication login(String username, String password, String tenantSlug) {
        String email = username.trim().toLowerCase(Locale.ROOT);
        Optional<LoginAccount> found = directory.account(email);
        if (found.isEmpty()) {
            hasher.spendTimeOfOneCheck(password);
            LOG.warn("Login failed: no account for the e-mail given");
            throw new LoginRefusedException();
        }
        LoginAccount account = found.get();
        if (account.lockedAt(clock.instant())) {
            hasher.spendTimeOfOneCheck(password);
            LOG.warn("Login refused: account {} is locked until {}", account.id(), account.lockedUntil());
            throw new LoginRefusedException();
        }
        if (!hasher.matches(password, account.passwordHash())) {
            boolean locked = directory.recordFailure(account.id(), clock.instant());
            LOG.warn("Login failed: wrong password for account {}", account.id());
            if (locked) {
                LOG.warn("Account {} locked for {} minutes after {} failed logins in a row", account.id(),
                        LoginDirectory.LOCK_INTERVAL.toMinutes(), LoginDirectory.FAILURES_BEFORE_LOCK);
            }
            throw new LoginRefusedException();
        }
        directory.recordSuccess(account.id());
        return authenticationFor(account, email, tenantSlug);
    }

    private Authentication authenticationFor(LoginAccount account, String email, String tenantSlug) {
        List<LoginMembership> memberships = directory.memberships(account.id());
        boolean tenantNamed = tenantSlug != null && !tenantSlug.isBlank();
        if (tenantNamed) {
            return memberships.stream().filter(m -> m.tenantSlug().equals(tenantSlug.trim())).findFirst()
                    .map(m -> CarespecAuthentication.member(account.id(), email, m))
                    .orElseThrow(() -> {
                        LOG.warn("Login refused: account {} is not a member of the tenant named", account.id());
                        return new LoginRefusedException();
                    });
        }
        if (account.operator()) {
            return CarespecAuthentication.operator(account.id(), email);
        }
        if (memberships.size() == 1) {
            return CarespecAuthentication.member(account.id(), email, memberships.get(0));
        }
        if (memberships.isEmpty()) {
            throw new ForbiddenException("This account has no access to any tenant yet.");
        }
        throw InvalidRequestException.of("tenant", "is required: this account belongs to "
                + memberships.size() + " tenants (" + String.join(", ",
                memberships.stream().map(LoginMembership::tenantSlug).toList()) + ")");
    }

    /** Rebuilds an authentication from the account's current memberships (token refresh). */
    public Optional<Authentication> current(UUID accountId, UUID tenantId) {
        Optional<LoginAccount> account = directory.account(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        LoginMembership membership = tenantId == null ? null : directory.memberships(accountId).stream()
                .filter(m -> m.tenantId().equals(tenantId)).findFirst().orElse(null);
        return holder(account.get(), tenantId, membership);
    }

    /**
     * Who holds a token or a session for this account and tenant now: nobody when the account is locked, when an
     * operator's token is no longer an operator's, or when the account has left the tenant (no membership).
     */
    Optional<Authentication> holder(LoginAccount account, UUID tenantId, LoginMembership membership) {
        if (account.lockedAt(clock.instant())) {
            return Optional.empty();
        }
        if (tenantId == null) {
            return account.operator() ? Optional.of(CarespecAuthentication.operator(account.id(), account.email()))
                    : Optional.empty();
        }
        return Optional.ofNullable(membership).filter(m -> m.tenantId().equals(tenantId))
                .map(m -> CarespecAuthentication.member(account.id(), account.email(), m));
    }
}
