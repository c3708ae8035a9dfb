package org.carespec.platform.ui.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.identity.web.WebSessionFetcher;

/**
 * The CSRF token every form a page posts carries (a hidden {@code csrfToken} field, or the {@code X-CSRF-TOKEN} header
 * for htmx): an HMAC of the browser's own session key under a server secret (OWASP's "signed, session-bound" token).
 * A page on another site can make the browser send our cookies but cannot read the page to learn the token, and a
 * token is worth nothing with another session. Before sign-in the same is done with a short-lived random
 * {@code carespec_signin} cookie, so that nobody can sign a browser in to their own account unawares.
 */
@Singleton
public class PageCsrf {

    /** The cookie that holds the sign-in form's random value until sign-in. */
    public static final String SIGN_IN_COOKIE = "carespec_signin";
    static final String FIELD = "csrfToken";
    static final String HEADER = "X-CSRF-TOKEN";

    private final SecretKeySpec key;

    public PageCsrf(@Value("${carespec.jwt.secret}") String secret) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(derive.doFinal("carespec page csrf".getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The token for forms posted under this session key (or sign-in value). */
    public String tokenFor(String sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(sessionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The token for the request's session, if it has a session cookie. */
    public Optional<String> tokenOf(HttpRequest<?> request) {
        return cookie(request, WebSessionFetcher.COOKIE).map(this::tokenFor);
    }

    /**
     * Refuses with 403 a form posted without the token of the browser's session (or, for sign-in, of its sign-in
     * cookie): {@code field} is the form's value, else the header is read.
     */
    public void require(HttpRequest<?> request, String cookieName, String field) {
        String given = field != null ? field : request.getHeaders().get(HEADER);
        Optional<String> expected = cookie(request, cookieName).map(this::tokenFor);
        if (given == null || expected.isEmpty() || !MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("This form has expired or did not come from Carespec: go back, reload the"
                    + " page and try again.");
        }
    }

    private static Optional<String> cookie(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }
}
