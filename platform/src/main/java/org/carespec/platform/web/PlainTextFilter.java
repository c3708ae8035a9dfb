package org.carespec.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.errors.FieldError;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * No control character or lone surrogate gets in, through any route (issue 17, finding 4). PostgreSQL refuses a NUL
 * in text and jsonb, so a NUL anywhere was a 500 after the work had begun; other control characters (an escape
 * sequence in an address) reach letters, exports and other people's terminals; a lone surrogate was stored as
 * {@code ?}. Every query parameter, every string and key of a JSON body (nested form data included) and every field
 * of a browser's form is read before the route sees it; the first one found is a 400 naming where it was, as the
 * client wrote it ({@code settings.note[1]}). Text may keep tabs and line breaks; a parameter may not.
 * <p>
 * Runs after the size limit ({@link RequestSizeFilter}) and after sign-in is checked, so an anonymous caller learns
 * nothing from it but on the sign-in route.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class PlainTextFilter implements HttpServerFilter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<FieldError> inParameters = inParameters(request);
        if (inParameters.isPresent()) {
            return Publishers.just(refusal(request, inParameters.get()));
        }
        Optional<MediaType> type = request.getContentType();
        if (!hasBody(request) || type.isEmpty() || !(request instanceof ServerHttpRequest<?> server)) {
            return chain.proceed(request);
        }
        boolean json = type.get().getExtension().equals("json") || type.get().getSubtype().endsWith("+json");
        boolean form = type.get().matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (!json && !form) {
            return chain.proceed(request);
        }
        // This copy sets the pace of reading (the route's reader has not started, so "the slowest" would wait for it
        // forever once a body needs more than one read); the route's share is held until it claims it, at most 1 MiB.
        CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        // The rest of the chain runs after the copy's completion has returned: binding a form body from inside that
        // completion re-enters the shared buffer (an AssertionError in Micronaut's BaseSharedBuffer).
        return Mono.fromFuture(copy.buffer()).publishOn(Schedulers.boundedElastic()).map(body -> {
            try (CloseableAvailableByteBody bytes = body; copy) {
                return json ? inJson(bytes.toByteArray()) : inForm(bytes.toByteArray());
            }
        }).flatMapMany(error -> error.isPresent() ? Mono.just(refusal(request, error.get()))
                : Flux.from(chain.proceed(request)));
    }

    private static Optional<FieldError> inParameters(HttpRequest<?> request) {
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (fault(parameter.getKey(), false) != null) {
                return Optional.of(new FieldError("(query)", "has a parameter name with a control character"));
            }
            for (String value : parameter.getValue()) {
                String fault = fault(value, false);
                if (fault != null) {
                    return Optional.of(new FieldError(parameter.getKey(), fault));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with this text, or null: a control character (tab and line breaks allowed in text, not in a
     * parameter) or half of a surrogate pair.
     */
    static @Nullable String fault(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain half of a character (a lone surrogate)";
            }
        }
        return null;
    }

    /** The first string or key of the body that is not plain text; a body that does not parse is left to binding. */
    static Optional<FieldError> inJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String fault = fault(parser.getText(), token == JsonToken.VALUE_STRING);
                    if (fault != null) {
                        return Optional.of(new FieldError(path(parser.getParsingContext()), fault));
                    }
                }
            }
        } catch (IOException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<FieldError> inForm(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (Map.Entry<String, List<String>> field : new QueryStringDecoder(text, false).parameters().entrySet()) {
            if (fault(field.getKey(), false) != null) {
                return Optional.of(new FieldError("(body)", "has a field name with a control character"));
            }
            for (String value : field.getValue()) {
                String fault = fault(value, true);
                if (fault != null) {
                    return Optional.of(new FieldError(field.getKey(), fault));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the parser is, written as the API's field errors are: {@code settings.note[1]}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.push(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static boolean hasBody(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        return (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                && request.getContentLength() != 0;
    }

    private static MutableHttpResponse<?> refusal(HttpRequest<?> request, FieldError error) {
        return Problems.response(request, ProblemType.INVALID_REQUEST, error.field() + " " + error.detail(),
                List.of(error));
    }
}
