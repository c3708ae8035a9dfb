package org.carespec.platform.test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every exchange the tests make to the served OpenAPI document (swagger-request-validator): the answer must be
 * one the document describes for that operation and status, field by field; and a request the API accepted (2xx)
 * must be one the document allows. A field that drifts from the document fails the test that sent it.
 *
 * <p>Left out, on purpose: routes that are not part of the API contract (health, metrics, the document itself) and
 * requests to paths or methods the document does not have (tests that probe the router). Answers that any route can
 * give whatever its operation (405, 406, 411, 413, 415, 429, 500, 503) are checked as problem+json bodies but need not
 * be listed on each operation; the document's description names them.
 */
public final class ApiContract {

    /** The document is the same for every server a test starts; it is parsed once per test JVM. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    /** Statuses any route can answer, described once in the document's description. */
    private static final java.util.Set<Integer> ANY_ROUTE = java.util.Set.of(405, 406, 411, 413, 415, 429, 500, 503);

    private ApiContract() {
    }

    /** The exchange as sent and received; {@code requestBody} and {@code responseBody} may be null. */
    public record Exchange(String method, String pathAndQuery, Map<String, String> requestHeaders, byte[] requestBody,
                           int status, String responseContentType, String responseBody) {
    }

    /**
     * Checks an exchange; with {@code CARESPEC_CONTRACT_REPORT=<file>} set, appends each disagreement to that file
     * instead of failing, so that one run lists them all while the document and the API are brought together.
     */
    static void checkOrCollect(String document, Exchange exchange) {
        String collect = System.getenv("CARESPEC_CONTRACT_REPORT");
        if (collect == null) {
            check(document, exchange);
            return;
        }
        try {
            check(document, exchange);
        } catch (AssertionError e) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(collect), e.getMessage() + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }
    }

    static void check(String document, Exchange exchange) {
        String path = exchange.pathAndQuery();
        if (!path.startsWith("/api/") && !path.startsWith("/login")) {
            return;
        }
        if (ANY_ROUTE.contains(exchange.status())) {
            String type = exchange.responseContentType();
            if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()
                    && (type == null || !type.startsWith("application/problem+json"))) {
                throw new AssertionError(exchange.method() + " " + path + " → " + exchange.status()
                        + " is not problem+json: " + type);
            }
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(document, ApiContract::validator);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.responseContentType() != null) {
            response.withContentType(exchange.responseContentType());
        }
        String contentType = exchange.responseContentType() == null ? ""
                : exchange.responseContentType().toLowerCase(Locale.ROOT);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report;
        Request request = request(exchange);
        if (exchange.status() >= 200 && exchange.status() < 300) {
            report = validator.validate(request, response.build());
        } else {
            report = validator.validateResponse(request.getPath(), request.getMethod(), response.build());
        }
        if (report.hasErrors()) {
            StringBuilder text = new StringBuilder("The API and its OpenAPI document disagree on ")
                    .append(exchange.method()).append(' ').append(path).append(" → ").append(exchange.status());
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> text.append("\n  ").append(m.getKey()).append(": ").append(m.getMessage()));
            text.append("\n  answer: ").append(abbreviate(exchange.responseBody()));
            throw new AssertionError(text.toString());
        }
    }

    private static Request request(Exchange exchange) {
        String pathAndQuery = exchange.pathAndQuery();
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path);
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static OpenApiInteractionValidator validator(String document) {
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                .withLevel("validation.response.status.unknown", ValidationReport.Level.ERROR)
                // The tests' client asks for JSON everywhere, as most clients do; a 204 or a file answers anyway.
                .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                .build();
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels)
                .build();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
