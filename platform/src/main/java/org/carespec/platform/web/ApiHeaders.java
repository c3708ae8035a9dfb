package org.carespec.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every answer of the API and the sign-in and token routes (issue 17, finding 7; the pages have
 * theirs from {@link org.carespec.platform.ui.web.PageHeaders}). Answers carry case records and tokens, so no cache
 * may keep them ({@code no-store}, unless a route says otherwise); no browser may sniff a type we did not declare;
 * and an HTML answer (a decline letter) runs no script, loads nothing and cannot be framed.
 */
@ServerFilter({"/api/**", "/login", "/oauth/**"})
public class ApiHeaders {

    /** An API answer loads nothing; a letter's own inline styles are the only thing it may use. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Cache-Control")) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Content-Security-Policy", POLICY);
        response.getHeaders().set("Referrer-Policy", "no-referrer");
    }
}
