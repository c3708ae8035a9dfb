package org.carespec.platform.identity.service;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Gives every access token its own id ({@code jti}). Without one, two sign-ins of the same account in the same second
 * were issued the very same token, so they shared its API rate limit (ApiRateLimit counts by token) and could not be
 * told apart.
 */
@Singleton
public class TokenIds implements JtiGenerator {

    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }
}
