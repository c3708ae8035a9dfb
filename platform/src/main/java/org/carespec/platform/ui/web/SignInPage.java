package org.carespec.platform.ui.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.TooManyAttemptsException;
import org.carespec.platform.identity.service.CarespecAuthentication;
import org.carespec.platform.identity.service.LoginRefusedException;
import org.carespec.platform.identity.service.LoginService;
import org.carespec.platform.web.ClientAddress;
import org.carespec.platform.identity.service.WebSessions;
import org.carespec.platform.identity.web.WebSessionFetcher;

/**
 * Signing in and out in a browser. The address the run command prints is this page. Failed sign-ins say the same as
 * the API does, whatever the reason, so the page never tells which accounts exist; the account's lockout applies.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final LoginService logins;
    private final WebSessions sessions;
    private final PageCsrf csrf;
    private final PageCookies cookies;
    private final ClientAddress clientAddress;
    private final SecureRandom random = new SecureRandom();

    public SignInPage(LoginService logins, WebSessions sessions, PageCsrf csrf, PageCookies cookies,
                      ClientAddress clientAddress) {
        this.logins = logins;
        this.sessions = sessions;
        this.csrf = csrf;
        this.cookies = cookies;
        this.clientAddress = clientAddress;
    }

    /**
     * The sign-in page. {@code ?tenant=kirklees} (the address an organisation gives a person it has invited) shows the
     * organisation's name already filled in: signing in to it is how the person joins.
     */
    @Get
    public HttpResponse<?> signIn(HttpRequest<?> request, @QueryValue(defaultValue = "") String signedOut,
                                  @QueryValue(defaultValue = "") String tenant) {
        if (request.getUserPrincipal(Authentication.class).isPresent()) {
            return HttpResponse.seeOther(URI.create("/caseload"));
        }
        String invitedTo = tenant.trim().length() <= 64 ? tenant.trim() : "";
        SignInForm form = invitedTo.isEmpty() ? SignInForm.empty()
                : new SignInForm(null, invitedTo, true, List.of());
        return form(request, form, signedOut.isEmpty() ? null : "You have signed out.");
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, PageCsrf.SIGN_IN_COOKIE, form.get(PageCsrf.FIELD));
        String email = trim(form.get("email"));
        String password = form.getOrDefault("password", "");
        String tenant = trim(form.get("tenant"));
        List<FieldMessage> errors = new ArrayList<>();
        if (email.isEmpty()) {
            errors.add(new FieldMessage("email", "Enter your email address"));
        }
        if (password.isEmpty()) {
            errors.add(new FieldMessage("password", "Enter your password"));
        }
        if (email.length() > 320 || password.length() > 1024 || tenant.length() > 64) {
            errors.add(new FieldMessage("email", LoginRefusedException.MESSAGE));
        }
        boolean askTenant = !tenant.isEmpty();
        if (errors.isEmpty()) {
            try {
                Authentication signedIn = logins.login(email, password, tenant.isEmpty() ? null : tenant,
                        clientAddress.of(request));
                if (!signedIn.getAttributes().containsKey(CarespecAuthentication.TENANT)) {
                    errors.add(new FieldMessage(null, "This account runs the platform: it signs in to the API, not"
                            + " to these pages."));
                } else {
                    return HttpResponse.seeOther(URI.create("/caseload"))
                            .cookie(cookies.cookie(request, WebSessionFetcher.COOKIE, sessions.open(signedIn), null,
                                    SameSite.Lax))
                            .cookie(cookies.expired(request, PageCsrf.SIGN_IN_COOKIE));
                }
            } catch (LoginRefusedException e) {
                errors.add(new FieldMessage("email", LoginRefusedException.MESSAGE));
            } catch (InvalidRequestException e) {
                askTenant = true;
                errors.add(new FieldMessage("tenant", "Enter your organisation's Carespec name: your account belongs"
                        + " to more than one"));
            } catch (ForbiddenException e) {
                errors.add(new FieldMessage(null, e.getMessage()));
            } catch (TooManyAttemptsException e) {
                errors.add(new FieldMessage("email", "Too many failed sign-ins. Wait " + e.retryAfterSeconds()
                        + (e.retryAfterSeconds() == 1 ? " second" : " seconds") + ", then try again."));
                return form(request, new SignInForm(email, tenant, askTenant, errors), null).status(429)
                        .header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
        }
        return form(request, new SignInForm(email, tenant, askTenant, errors), null).status(
                errors.stream().anyMatch(e -> LoginRefusedException.MESSAGE.equals(e.message())) ? 401 : 400);
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.require(request, WebSessionFetcher.COOKIE, form.get(PageCsrf.FIELD));
        request.getCookies().findCookie(WebSessionFetcher.COOKIE).ifPresent(c -> sessions.close(c.getValue()));
        return HttpResponse.seeOther(URI.create("/?signedOut=yes"))
                .cookie(cookies.expired(request, WebSessionFetcher.COOKIE));
    }

    private MutableHttpResponse<?> form(HttpRequest<?> request, SignInForm form, String notice) {
        // one sign-in value per browser, kept while it lasts, so a second tab does not spoil the first tab's form
        String value = request.getCookies().findCookie(PageCsrf.SIGN_IN_COOKIE)
                .map(io.micronaut.http.cookie.Cookie::getValue).filter(v -> v.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(this::randomValue);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", Shell.anonymous(sessions.idle().toMinutes()));
        model.put("form", form);
        model.put("csrfToken", csrf.tokenFor(value));
        model.put("notice", notice);
        return HttpResponse.ok(new ModelAndView<>("signin", model))
                .cookie(cookies.cookie(request, PageCsrf.SIGN_IN_COOKIE, value, Duration.ofHours(1), SameSite.Strict));
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
