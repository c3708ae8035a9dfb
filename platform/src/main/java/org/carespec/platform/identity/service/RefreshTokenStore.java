package org.carespec.platform.identity.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.carespec.platform.database.Sql;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refresh tokens: only their SHA-256 is stored; a sign-in's chain lasts {@code carespec.security.refresh-token-lifetime}
 * (a working day by default) and can be revoked. A refresh re-reads the account's current memberships, so a
 * removed role or a locked account stops working at the next refresh. Each refresh retires the token presented and
 * issues the next of its family ({@link TokenRotation}); a retired token presented again revokes the family.
 */
@Singleton
public class RefreshTokenStore implements RefreshTokenPersistence {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RefreshTokenStore.class);

    private final Sql sql;
    private final LoginService logins;
    private final Clock clock;
    private final Duration lifetime;
    private final ExecutorService blocking;

    public RefreshTokenStore(Sql sql, LoginService logins, Clock clock,
                             @Value("${carespec.security.refresh-token-lifetime:12h}") Duration lifetime,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sql = sql;
        this.logins = logins;
        this.clock = clock;
        this.lifetime = lifetime;
        this.blocking = blocking;
    }

    @Override
    @Transactional
    public void persistToken(RefreshTokenGeneratedEvent event) {
        Authentication auth = event.getAuthentication();
        UUID family = UUID.randomUUID();
        insert(event.getRefreshToken(), auth, family, family, clock.instant().plus(lifetime));
    }

    /** Stores the next token of a family; it lasts as long as the family's first one did. */
    @Transactional
    void persistNext(String key, Authentication auth, Retired retired) {
        insert(key, auth, UUID.randomUUID(), retired.family(), retired.expiresAt());
    }

    private void insert(String key, Authentication auth, UUID id, UUID family, Instant expiresAt) {
        Object tenant = auth.getAttributes().get(CarespecAuthentication.TENANT);
        sql.update("insert into refresh_token (id, token_hash, user_id, tenant_id, expires_at, family_id)"
                        + " values (?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(id, hash(key), UUID.fromString(auth.getName()),
                        tenant == null ? null : UUID.fromString(tenant.toString()), expiresAt, family));
    }

    /**
     * Retires the token presented and answers who it was issued to, if it was live. A token already retired by an
     * earlier refresh means two parties hold the chain (a stolen copy): the whole family is revoked and nothing is
     * answered, so the thief's copy and the holder's newest token both stop working and the person signs in again.
     */
    @Transactional
    Optional<Retired> retire(String key) {
        Optional<Presented> found = sql.one("""
                select id, user_id, tenant_id, family_id, expires_at, revoked_at, replaced_at from refresh_token
                where token_hash = ? for update""", List.of(hash(key)),
                rs -> new Presented(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "tenant_id"),
                        Sql.uuid(rs, "family_id"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "revoked_at"),
                        Sql.instant(rs, "replaced_at")));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Presented token = found.get();
        Instant now = clock.instant();
        if (token.replacedAt() != null) {
            int revoked = sql.update("update refresh_token set revoked_at = ? where family_id = ? and revoked_at is null",
                    List.of(now, token.family()));
            LOG.warn("A refresh token already used was presented again: its sign-in chain {} is revoked ({} live)",
                    token.family(), revoked);
            return Optional.empty();
        }
        if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        sql.update("update refresh_token set replaced_at = ?, revoked_at = ? where id = ?",
                List.of(now, now, token.id()));
        return logins.current(token.user(), token.tenant())
                .map(auth -> new Retired(auth, token.family(), token.expiresAt()));
    }

    /** A live token just retired: who it was for, its family and when the family ends. */
    record Retired(Authentication authentication, UUID family, Instant expiresAt) {
    }

    private record Presented(UUID id, UUID user, UUID tenant, UUID family, Instant expiresAt,
                             @io.micronaut.core.annotation.Nullable Instant revokedAt,
                             @io.micronaut.core.annotation.Nullable Instant replacedAt) {
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        return Mono.fromCallable(() -> authenticationFor(refreshToken))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(new OauthErrorResponseException(
                        IssuingAnAccessTokenErrorCode.INVALID_GRANT, "The refresh token is unknown, expired or revoked.",
                        null))));
    }

    @Transactional
    Optional<Authentication> authenticationFor(String refreshToken) {
        Optional<Holder> holder = sql.one("""
                select user_id, tenant_id from refresh_token
                where token_hash = ? and revoked_at is null and expires_at > ?""",
                List.of(hash(refreshToken), clock.instant()),
                rs -> new Holder(Sql.uuid(rs, "user_id"), Sql.uuid(rs, "tenant_id")));
        return holder.flatMap(h -> logins.current(h.user(), h.tenant()));
    }

    /** Signs out: revokes the chain of the refresh token given (the raw key inside a validated refresh token). */
    @Transactional
    public boolean revoke(String refreshTokenKey) {
        return sql.update("""
                update refresh_token set revoked_at = ? where revoked_at is null
                and family_id = (select family_id from refresh_token where token_hash = ?)""",
                List.of(clock.instant(), hash(refreshTokenKey))) > 0;
    }

    /** Revokes every refresh token an account holds for one tenant. */
    @Transactional
    public int revokeAll(UUID account, UUID tenant) {
        return sql.update("update refresh_token set revoked_at = ? where user_id = ? and tenant_id = ?"
                        + " and revoked_at is null", List.of(clock.instant(), account, tenant));
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private record Holder(UUID user, UUID tenant) {
    }
}
