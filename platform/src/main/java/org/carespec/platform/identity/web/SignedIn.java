package org.carespec.platform.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carespec.plugin.api.Role;

/**
 * The answer to signing in: an OAuth 2.0 style bearer token pair, the account's id and its roles in the tenant
 * signed in to. Refresh with {@code POST /oauth/access_token} ({@code grant_type=refresh_token}).
 */
@Serdeable
public record SignedIn(
        @JsonProperty("access_token") @Schema(description = "Send as `Authorization: Bearer …`") String accessToken,
        @JsonProperty("refresh_token") @Nullable String refreshToken,
        @JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds the access token lasts") int expiresIn,
        @Schema(description = "The account's id", format = "uuid") String username,
        @ArraySchema(arraySchema = @Schema(description = "The account's roles in this tenant"),
                schema = @Schema(implementation = Role.class)) List<String> roles) {

    static SignedIn of(AccessRefreshToken token, String userId, List<String> roles) {
        return new SignedIn(token.getAccessToken(), token.getRefreshToken(), token.getTokenType(),
                token.getExpiresIn() == null ? 0 : token.getExpiresIn(), userId, roles);
    }
}
