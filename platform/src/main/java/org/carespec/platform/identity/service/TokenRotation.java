package org.carespec.platform.identity.service;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.RefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * One refresh of a sign-in, in one transaction: the token presented is retired and the next of its family issued
 * with a new access token (issue 17, finding 7). Reuse of a retired token is handled by
 * {@link RefreshTokenStore#retire}, which revokes the family and answers nothing.
 */
@Singleton
public class TokenRotation {

    private final RefreshTokenStore store;
    private final RefreshTokenGenerator refreshTokens;
    private final AccessRefreshTokenGenerator tokens;

    public TokenRotation(RefreshTokenStore store, RefreshTokenGenerator refreshTokens,
                         AccessRefreshTokenGenerator tokens) {
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
    }

    /** The new token pair and whom it is for, or empty when the key is unknown, expired, revoked or reused. */
    @Transactional
    public Optional<Rotated> rotate(String key) {
        return store.retire(key).flatMap(retired -> {
            Authentication who = retired.authentication();
            String next = refreshTokens.createKey(who);
            Optional<String> signed = refreshTokens.generate(who, next);
            if (signed.isEmpty()) {
                return Optional.empty();
            }
            store.persistNext(next, who, retired);
            return tokens.generate(signed.get(), who).map(token -> new Rotated(token, who));
        });
    }

    /** A refreshed sign-in. */
    public record Rotated(AccessRefreshToken token, Authentication authentication) {
    }
}
