package org.carespec.platform.identity.web;

import io.micronaut.http.HttpRequest;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.carespec.platform.identity.service.LoginCommand;
import org.carespec.platform.identity.service.LoginService;
import org.carespec.platform.web.ClientAddress;
import org.carespec.platform.web.ProblemResponses;

/**
 * Signs in: answers a bearer token response ({@code access_token}, {@code refresh_token}, {@code expires_in}).
 * Refresh with {@code POST /oauth/access_token} ({@code grant_type=refresh_token}).
 */
@Tag(name = "identity")
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private final LoginService logins;
    private final AccessRefreshTokenGenerator tokens;
    private final ClientAddress clientAddress;

    public LoginController(LoginService logins, AccessRefreshTokenGenerator tokens, ClientAddress clientAddress) {
        this.logins = logins;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @Operation(operationId = "login", summary = "Sign in", security = {})
    @ProblemResponses.SignIn
    @RequestBody(required = true,
            description = "The e-mail address and password; the tenant's slug when the account belongs to several.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "one tenant",
                    summary = "An account in one tenant",
                    value = """
                    {
                      "username": "manager@example.org",
                      "password": "correct horse battery staple"
                    }"""),
            @ExampleObject(name = "several tenants",
                    summary = "An account in several tenants names one",
                    value = """
                    {
                      "username": "manager@example.org",
                      "password": "correct horse battery staple",
                      "tenant": "a-tenant"
                    }""")}))
    @Post("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<SignedIn> login(HttpRequest<?> request, @Body @Valid LoginCommand command) {
        Authentication authentication = logins.login(command.username(), command.password(), command.tenant(),
                clientAddress.of(request));
        AccessRefreshToken token = tokens.generate(authentication)
                .orElseThrow(() -> new IllegalStateException("no token could be generated"));
        return HttpResponse.ok(SignedIn.of(token, authentication.getName(), List.copyOf(authentication.getRoles())))
                .header("Cache-Control", "no-store");
    }
}
