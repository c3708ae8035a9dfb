package org.carespec.platform.identity.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import jakarta.validation.Valid;
import org.carespec.platform.identity.service.LoginCommand;
import org.carespec.platform.identity.service.LoginService;

/**
 * Signs in: answers a bearer token response ({@code access_token}, {@code refresh_token}, {@code expires_in}).
 * Refresh with {@code POST /oauth/access_token} ({@code grant_type=refresh_token}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private final LoginService logins;
    private final AccessRefreshTokenGenerator tokens;

    public LoginController(LoginService logins, AccessRefreshTokenGenerator tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<AccessRefreshToken> login(@Body @Valid LoginCommand command) {
        Authentication authentication = logins.login(command.username(), command.password(), command.tenant());
        AccessRefreshToken token = tokens.generate(authentication)
                .orElseThrow(() -> new IllegalStateException("no token could be generated"));
        return HttpResponse.ok(token).header("Cache-Control", "no-store");
    }
}
