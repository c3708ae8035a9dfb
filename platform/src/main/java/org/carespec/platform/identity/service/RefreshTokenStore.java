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
 * Refresh tokens: only their SHA-256 is stored; each lasts {@code carespec.security.refresh-token-lifetime}
 * (a working day by default) and can be revoked. A refresh re-reads the account's current memberships, so a
 * removed role or a locked account stops working at the next refresh.
 */
@Singleton
public class RefreshTokenStore implements RefreshTokenPersistence {

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
        Object tenant = auth.getAttributes().get(CarespecAuthentication.TENANT);
        sql.update("insert into refresh_token (id, token_hash, user_id, tenant_id, expires_at) values (?, ?, ?, ?, ?)",
                java.util.Arrays.asList(UUID.randomUUID(), hash(event.getRefreshToken()), UUID.fromString(auth.getName()),
                        tenant == null ? null : UUID.fromString(tenant.toString()), clock.instant().plus(lifetime)));
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

    /** Revokes one refresh token (the raw key inside a validated refresh token). */
    @Transactional
    public boolean revoke(String refreshTokenKey) {
        return sql.update("update refresh_token set revoked_at = ? where token_hash = ? and revoked_at is null",
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
