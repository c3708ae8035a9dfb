package org.carespec.platform.identity.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Sql;

/**
 * Browser sessions for the web UI. The browser holds a random 256-bit key in an HttpOnly cookie; the server holds its
 * SHA-256. A session ends when its holder signs out, after {@code idle} without a request, or {@code lifetime} after
 * it began, whichever is first; each use re-reads the account, so a locked account or a lost membership ends it too.
 */
@Singleton
public class WebSessions {

    /** How often a session's last use is written: a page every second need not write every second. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Sql sql;
    private final LoginService logins;
    private final LoginDirectory directory;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public WebSessions(Sql sql, LoginService logins, LoginDirectory directory, Clock clock,
                       @Value("${carespec.web.idle-timeout:30m}") Duration idle,
                       @Value("${carespec.web.session-lifetime:12h}") Duration lifetime) {
        this.sql = sql;
        this.logins = logins;
        this.directory = directory;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** The idle timeout, for the cookie's own lifetime and for the page that says how long a session lasts. */
    public Duration idle() {
        return idle;
    }

    /** Opens a session for a signed-in account; the key to set in the cookie. */
    @Transactional
    public String open(Authentication signedIn) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Object tenant = signedIn.getAttributes().get(CarespecAuthentication.TENANT);
        sql.update("""
                insert into web_session (id, token_hash, user_id, tenant_id, created_at, last_seen_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""", Arrays.asList(UUID.randomUUID(), RefreshTokenStore.hash(key),
                UUID.fromString(signedIn.getName()), tenant == null ? null : UUID.fromString(tenant.toString()),
                now, now, now.plus(lifetime)));
        return key;
    }

    /** Who holds this key, if its session is still open; each use counts as activity. */
    @Transactional
    public Optional<Authentication> authenticate(String key) {
        if (key == null || !key.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<LoginDirectory.WebSessionHolder> held = directory.webSessionHolder(RefreshTokenStore.hash(key));
        if (held.isEmpty() || !WebSessionsRules.open(held.get().lastSeen(), held.get().expires(), now, idle)) {
            return Optional.empty();
        }
        if (!held.get().lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            sql.update("update web_session set last_seen_at = ? where id = ?", List.of(now, held.get().sessionId()));
        }
        return logins.holder(held.get().account(), held.get().tenantId(), held.get().membership());
    }

    /** Ends the session this key opened (sign-out); a key that opens nothing changes nothing. */
    @Transactional
    public void close(String key) {
        if (key != null) {
            sql.update("update web_session set revoked_at = ? where token_hash = ? and revoked_at is null",
                    List.of(clock.instant(), RefreshTokenStore.hash(key)));
        }
    }
}
