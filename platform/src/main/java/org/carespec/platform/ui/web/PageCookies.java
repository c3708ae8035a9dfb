package org.carespec.platform.ui.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The web UI's cookies: HttpOnly, SameSite, path /, and Secure unless the deployment switched Secure off and the
 * browser is on this machine (plain-HTTP localhost, as the run command serves it). Nothing else may drop Secure.
 */
@Singleton
public class PageCookies {

    private final boolean secureOffOnLocalhost;

    public PageCookies(@Value("${carespec.web.insecure-localhost-cookies:false}") boolean secureOffOnLocalhost) {
        this.secureOffOnLocalhost = secureOffOnLocalhost;
    }

    /** A cookie that lasts as long as the browser session (or {@code maxAge}, when given). */
    public Cookie cookie(HttpRequest<?> request, String name, String value, Duration maxAge, SameSite sameSite) {
        Cookie cookie = Cookie.of(name, value).httpOnly(true).path("/").sameSite(sameSite).secure(secure(request));
        return maxAge == null ? cookie : cookie.maxAge(maxAge);
    }

    /** A cookie that tells the browser to forget one. */
    public Cookie expired(HttpRequest<?> request, String name) {
        return Cookie.of(name, "").httpOnly(true).path("/").secure(secure(request)).maxAge(0);
    }

    boolean secure(HttpRequest<?> request) {
        if (!secureOffOnLocalhost) {
            return true;
        }
        String host = request.getServerName();
        return !("localhost".equals(host) || "127.0.0.1".equals(host) || "::1".equals(host)
                || "[::1]".equals(host));
    }
}
