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
import org.carespec.platform.errors.TooManyAttemptsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a username and password and decides which tenant the token will be for. Guessing is slowed by
 * {@link LoginThrottle} (by client address and account, never a lock anyone can set off); every failure and every
 * throttled try is logged (by account id, never by password or e-mail address).
 */
@Singleton
public class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final LoginDirectory directory;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final LoginThrottle throttle;

    public LoginService(LoginDirectory directory, PasswordHasher hasher, Clock clock, LoginThrottle throttle) {
        this.directory = directory;
        this.hasher = hasher;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * @param tenantSlug the tenant to sign in to; needed only when the account belongs to several
     * @param from       the client's address ({@link org.carespec.platform.web.ClientAddress})
     * @throws TooManyAttemptsException too many failures lately from this address for this account, from this
     *                                  address, or from addresses the account has not signed in from; the password
     *                                  is not checked
     * @throws LoginRefusedException    wrong e-mail or password, locked account, or not a member of that tenant
     * @throws InvalidRequestException  the account belongs to several tenants and none was named
     */
    public Authentication login(String username, String password, String tenantSlug, String from) {
        String email = username.trim().toLowerCase(Locale.ROOT);
        Optional<java.time.Duration> wait = throttle.waitFor(from, email);
        if (wait.isPresent()) {
            LOG.warn("Login throttled: too many failures lately; the client may try again in {} s",
                    wait.get().toSeconds() + 1);
            throw new TooManyAttemptsException("Too many failed sign-ins. Wait a little, then try again.",
                    wait.get());
        }
        Optional<LoginAccount> found = directory.account(email);
        if (found.isEmpty()) {
            hasher.spendTimeOfOneCheck(password);
            throttle.failed(from, email);
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
            throttle.failed(from, email);
            LOG.warn("Login failed: wrong password for account {}", account.id());
            throw new LoginRefusedException();
        }
        throttle.succeeded(from, email);
        directory.recordSuccess(account.id());
        return authenticationFor(account, email, tenantSlug);
    }

    /**
     * The tenant this sign-in is for. Naming a tenant signs in to it, and takes up its invitation if it was one: joining
     * a tenant is the person's own act (issue 17, finding 2). Without a name, only tenants the person has joined count;
     * a brand-new account's one invitation is joined by its first sign-in.
     */
    private Authentication authenticationFor(LoginAccount account, String email, String tenantSlug) {
        List<LoginMembership> memberships = directory.memberships(account.id());
        boolean tenantNamed = tenantSlug != null && !tenantSlug.isBlank();
        if (tenantNamed) {
            LoginMembership named = memberships.stream().filter(m -> m.tenantSlug().equals(tenantSlug.trim()))
                    .findFirst().orElseThrow(() -> {
                        LOG.warn("Login refused: account {} is not a member of the tenant named", account.id());
                        return new LoginRefusedException();
                    });
            return CarespecAuthentication.member(account.id(), email, joined(account, named));
        }
        if (account.operator()) {
            return CarespecAuthentication.operator(account.id(), email);
        }
        List<LoginMembership> joined = memberships.stream().filter(LoginMembership::accepted).toList();
        if (joined.isEmpty() && memberships.size() == 1) {
            return CarespecAuthentication.member(account.id(), email, joined(account, memberships.get(0)));
        }
        if (joined.size() == 1) {
            return CarespecAuthentication.member(account.id(), email, joined.get(0));
        }
        if (memberships.isEmpty()) {
            throw new ForbiddenException("This account has no access to any tenant yet.");
        }
        List<LoginMembership> choices = joined.isEmpty() ? memberships : joined;
        throw InvalidRequestException.of("tenant", "is required: this account belongs to "
                + choices.size() + " tenants (" + String.join(", ",
                choices.stream().map(LoginMembership::tenantSlug).toList()) + ")");
    }

    private LoginMembership joined(LoginAccount account, LoginMembership membership) {
        if (membership.accepted()) {
            return membership;
        }
        directory.accept(account.id(), membership.tenantId());
        LOG.info("Account {} joined tenant {} by signing in to it", account.id(), membership.tenantId());
        return new LoginMembership(membership.tenantId(), membership.tenantSlug(), membership.organisationId(),
                membership.roles(), true);
    }

    /** Rebuilds an authentication from the account's current memberships (token refresh). */
    public Optional<Authentication> current(UUID accountId, UUID tenantId) {
        Optional<LoginAccount> account = directory.account(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        LoginMembership membership = tenantId == null ? null : directory.memberships(accountId).stream()
                .filter(m -> m.accepted() && m.tenantId().equals(tenantId)).findFirst().orElse(null);
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
