package org.carespec.platform.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.carespec.platform.errors.FieldError;
import org.reactivestreams.Publisher;

/**
 * Holds request bodies to 1 MiB, before anything reads them, except the upload of an obligation's evidence, which
 * the server's own limit ({@code micronaut.server.max-request-size}, 10 MiB) holds. The length is judged from
 * {@code Content-Length}; a body sent without one (chunked) gets 411, since its size cannot be known before it is
 * read.
 */
@Filter("/**")
public class RequestSizeFilter implements HttpServerFilter {

    /** The largest JSON body the API reads. */
    public static final long MAX_BODY = 1024 * 1024;
    private static final Pattern EVIDENCE_UPLOAD =
            Pattern.compile("^/api/v1/contracts/[^/]+/obligations/[^/]+/[^/]+/evidence/?$");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.POST && EVIDENCE_UPLOAD.matcher(request.getPath()).matches()) {
            return chain.proceed(request);
        }
        OptionalLong length = request.getContentLength() >= 0 ? OptionalLong.of(request.getContentLength())
                : OptionalLong.empty();
        if (length.isPresent() && length.getAsLong() > MAX_BODY) {
            return Publishers.just(Problems.response(request, ProblemType.TOO_LARGE,
                    "The request body is larger than this endpoint accepts (1 MiB).",
                    List.of(new FieldError("body", "must be at most 1 MiB"))));
        }
        if (length.isEmpty() && isChunked(request)) {
            return Publishers.just(Problems.response(request, ProblemType.LENGTH_REQUIRED,
                    "Send the body with a Content-Length header.",
                    List.of(new FieldError("Content-Length", "is required for a request body"))));
        }
        return chain.proceed(request);
    }

    private static boolean isChunked(HttpRequest<?> request) {
        String encoding = request.getHeaders().get("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }
}
