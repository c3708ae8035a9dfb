package org.carespec.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Each bearer token may ask the API {@code carespec.api.requests-per-second} times a second on average (20), with
 * bursts of up to {@code carespec.api.burst} (100) (issue 17, finding 3): one client in a loop cannot take the
 * platform from everyone else. Past that the answer is 429 with {@code Retry-After}. A token bucket per token, kept
 * in this instance's memory (bounded; a bucket is forgotten a minute after its last use). Runs after the token is
 * checked, so only real tokens get a bucket. Set the rate to 0 to switch the limit off (a load test).
 */
@Filter("/api/**")
public class ApiRateLimit implements HttpServerFilter {

    private final double perSecond;
    private final double burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(1)).build();

    public ApiRateLimit(@Value("${carespec.api.requests-per-second:20}") double perSecond,
                        @Value("${carespec.api.burst:100}") double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (perSecond <= 0 || authorization == null || !authorization.startsWith("Bearer ")) {
            return chain.proceed(request);
        }
        Bucket bucket = buckets.get(authorization.substring(7), k -> new Bucket(burst, System.nanoTime()));
        long waitNanos = bucket.take(System.nanoTime(), perSecond, burst);
        if (waitNanos == 0) {
            return chain.proceed(request);
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Publishers.just(Problems.response(request, ProblemType.TOO_MANY_REQUESTS,
                "This token has asked more than " + (long) perSecond + " times a second on average. Wait, then"
                        + " try again.", List.of()).header("Retry-After", Long.toString(seconds)));
    }

    /** Tokens refill at the rate; a request takes one or is told how long until one is there. */
    static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        }
    }
}
