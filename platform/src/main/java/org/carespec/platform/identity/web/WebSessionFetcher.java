package org.carespec.platform.identity.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.carespec.platform.identity.service.WebSessions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs in a browser's request by its session cookie, for the web UI's pages only. The JSON API, the token endpoint
 * and the OpenAPI document never read the cookie: a script on another site that makes the browser call the API
 * carries no bearer token and is refused, whatever cookies the browser sends.
 */
@Singleton
public class WebSessionFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    /** The cookie's name. */
    public static final String COOKIE = "carespec_session";

    private final WebSessions sessions;
    private final ExecutorService blocking;

    public WebSessionFetcher(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    /** Whether the path is a page of the web UI (everything but the API, the token endpoint and static files). */
    public static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/oauth/") || path.equals("/login")
                || path.startsWith("/swagger") || path.startsWith("/health") || path.startsWith("/prometheus")
                || path.startsWith("/webjars/") || path.startsWith("/assets/") || path.startsWith("/ui/"));
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (!isPage(request.getPath())) {
            return Mono.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .map(key -> Mono.fromCallable(() -> sessions.authenticate(key))
                        .subscribeOn(Schedulers.fromExecutorService(blocking))
                        .flatMap(found -> found.map(Mono::just).orElseGet(Mono::empty)))
                .orElseGet(Mono::empty);
    }
}
