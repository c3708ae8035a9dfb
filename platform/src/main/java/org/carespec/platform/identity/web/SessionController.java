package org.carespec.platform.identity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.identity.service.RefreshTokenStore;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.Role;

/** The signed-in caller: who they are, and signing out. */
@Tag(name = "identity")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SessionController {

    private final CallerContext callers;
    private final RefreshTokenValidator validator;
    private final RefreshTokenStore refreshTokens;

    public SessionController(CallerContext callers, RefreshTokenValidator validator, RefreshTokenStore refreshTokens) {
        this.callers = callers;
        this.validator = validator;
        this.refreshTokens = refreshTokens;
    }

    @Operation(operationId = "getMe", summary = "Read the signed-in user")
    @Get("/me")
    public Me me() {
        Caller caller = callers.require();
        return new Me(caller.userId(), caller.tenantId(), caller.organisationId(), caller.roles());
    }

    /** Revokes the refresh token given; the access token in hand lapses within 15 minutes. */
    @Operation(operationId = "logout", summary = "Sign out (revoke this token)")
    @Status(HttpStatus.NO_CONTENT)
    @Post("/auth/logout")
    public HttpResponse<Void> logout(@Body @Valid Logout logout) {
        validator.validate(logout.refreshToken()).ifPresent(refreshTokens::revoke);
        return HttpResponse.noContent();
    }

    @Serdeable
    public record Me(UUID userId, @Nullable UUID tenantId, @Nullable UUID organisationId, Set<Role> roles) {
    }

    @Serdeable
    public record Logout(@NotBlank @Size(max = 4096) String refreshToken) {
    }
}
