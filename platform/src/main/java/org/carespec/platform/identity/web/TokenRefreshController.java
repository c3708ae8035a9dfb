package org.carespec.platform.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.List;
import java.util.Map;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.identity.service.TokenRotation;
import org.carespec.platform.web.ProblemResponses;

/**
 * Refreshes a sign-in: {@code grant_type=refresh_token&refresh_token=…} answers a new access token <em>and a new
 * refresh token</em>; the one presented is retired. Presenting a retired one again ends the whole chain (issue 17,
 * finding 7): see {@link TokenRotation}. Replaces Micronaut Security's own endpoint, which hands back the
 * refresh token it was given.
 */
@Tag(name = "identity")
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class TokenRefreshController {

    private final RefreshTokenValidator validator;
    private final TokenRotation rotation;

    public TokenRefreshController(RefreshTokenValidator validator, TokenRotation rotation) {
        this.validator = validator;
        this.rotation = rotation;
    }

    @Operation(operationId = "refreshToken", summary = "Refresh a sign-in (the refresh token rotates)", security = {})
    @ProblemResponses.SignIn
    @Post("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_JSON)
    // Documented as JSON only, so that generated clients (openapi-generator's native Java client among them) need no
    // multipart library; refreshForm takes the form encoding OAuth 2.0 clients send (RFC 6749 §6).
    @RequestBody(required = true, description = "The OAuth 2.0 refresh grant; also accepted form-encoded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Grant.class)))
    public HttpResponse<SignedIn> refresh(@Body Map<String, Object> body) {
        Grant grant = Grant.of(body);
        String key = validator.validate(grant.refreshToken()).orElseThrow(Grant::refused);
        TokenRotation.Rotated rotated = rotation.rotate(key).orElseThrow(Grant::refused);
        SignedIn signedIn = SignedIn.of(rotated.token(), rotated.authentication().getName(),
                List.copyOf(rotated.authentication().getRoles()));
        return HttpResponse.ok(signedIn).header("Cache-Control", "no-store");
    }

    /** The same refresh, form-encoded as OAuth 2.0 clients send it. */
    @Hidden
    @Post("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<SignedIn> refreshForm(@Body Map<String, Object> body) {
        return refresh(body);
    }

    /** The OAuth 2.0 refresh grant (RFC 6749 §6). */
    @Serdeable
    public record Grant(@JsonProperty("grant_type") @NotBlank @Pattern(regexp = "refresh_token",
                                message = "must be refresh_token") String grantType,
                        @JsonProperty("refresh_token") @NotBlank @Size(max = 4096) String refreshToken,
                        @JsonProperty("scope") @Nullable @Size(max = 200) String scope) {

        /** A form's fields arrive as lists of one value, JSON's as strings: both are read the same way. */
        static Grant of(Map<String, Object> body) {
            String grantType = single(body, "grant_type");
            String refreshToken = single(body, "refresh_token");
            if (!"refresh_token".equals(grantType)) {
                throw InvalidRequestException.of("grant_type", "must be refresh_token");
            }
            if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 4096) {
                throw InvalidRequestException.of("refresh_token", "is required (at most 4096 characters)");
            }
            return new Grant(grantType, refreshToken, single(body, "scope"));
        }

        private static String single(Map<String, Object> body, String name) {
            Object value = body == null ? null : body.get(name);
            if (value instanceof List<?> list && list.size() == 1) {
                value = list.get(0);
            }
            return value instanceof String text ? text : null;
        }

        static InvalidRequestException refused() {
            return new InvalidRequestException(List.of(new org.carespec.platform.errors.FieldError("refresh_token",
                    "is unknown, expired, revoked or already used")));
        }
    }
}
