package org.carespec.platform.ui.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carespec.platform.identity.service.WebSessions;
import org.carespec.platform.identity.web.WebSessionFetcher;
import org.carespec.platform.web.Problem;

/**
 * A browser that asks for a page and meets an error (an unknown address, a refused form, a method the page does not
 * take, a fault of ours) gets a page in the service's own frame saying what happened and what to do, with the same
 * status, not the API's problem+json. The JSON API's answers are never touched.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageErrors {

    private final SignedInPages pages;
    private final WebSessions sessions;
    private final ViewsRendererLocator views;

    public PageErrors(SignedInPages pages, WebSessions sessions, ViewsRendererLocator views) {
        this.pages = pages;
        this.sessions = sessions;
        this.views = views;
    }

    @ResponseFilter
    public void asPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!WebSessionFetcher.isPage(request.getPath()) || !wantsHtml(request)
                || !(response.getBody().orElse(null) instanceof Problem problem)) {
            return;
        }
        int status = response.getStatus().getCode();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", pages.errorFrame(request, sessions.idle().toMinutes()));
        model.put("view", ErrorPage.of(status, problem.detail(), problem.requestId()));
        @SuppressWarnings("unchecked")
        ViewsRenderer<Object, HttpRequest<?>> renderer = views.resolveViewsRenderer("error", MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no renderer for the error page"));
        StringWriter page = new StringWriter();
        try {
            renderer.render("error", model, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((MutableHttpResponse<Object>) response).body(page.toString()).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** A browser's page request, or htmx asking for part of one; an API client asks for JSON. */
    static boolean wantsHtml(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return request.getHeaders().contains("HX-Request") || accept != null && accept.contains("text/html");
    }
}
