package org.carespec.platform.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.UUID;
import java.util.regex.Pattern;
import org.carespec.platform.tenancy.RequestIds;
import org.reactivestreams.Publisher;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane token, else a new one), echoes
 * it in the response, and makes it available to the audit trail and to error bodies.
 */
@Filter("/**")
public class RequestIdFilter implements HttpServerFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String offered = request.getHeaders().get(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        return Publishers.map(chain.proceed(request), response -> response.header(HEADER, id));
    }
}
