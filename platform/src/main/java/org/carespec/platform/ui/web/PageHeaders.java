package org.carespec.platform.ui.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.carespec.platform.identity.web.WebSessionFetcher;

/**
 * Security headers on every page and every file the pages use: a Content-Security-Policy that allows no inline script
 * and no framing, no MIME sniffing, no referrer beyond this site, and no caching of pages (they show case records).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " object-src 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        boolean file = path.startsWith("/webjars/") || path.startsWith("/assets/") || path.startsWith("/ui/");
        if (!file && !WebSessionFetcher.isPage(path)) {
            return;
        }
        response.getHeaders().set("Content-Security-Policy", POLICY);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "same-origin");
        if (!file) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
    }
}
