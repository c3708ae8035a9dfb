package org.carespec.platform.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for tests: JSON in, {@link ApiResponse} out, bearer token when given. */
public final class Api {

    public static final String DOCUMENT = "/swagger/carespec-1.yml";
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String document;

    public Api(EmbeddedServer server) {
        this.base = server.getURI();
    }

    /** The OpenAPI document as this server serves it, read once. */
    private String document() throws IOException, InterruptedException {
        if (document == null) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve(DOCUMENT)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new AssertionError("the server does not serve " + DOCUMENT + ": " + served.statusCode());
            }
            document = served.body();
        }
        return document;
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public ApiResponse post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public ApiResponse patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    public ApiResponse delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /** Sends a request; {@code body} is a JSON string or anything Jackson can write. */
    public ApiResponse send(String method, String path, String token, Object body, Map<String, String> headers) {
        String json;
        try {
            json = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError("cannot write the body of " + method + " " + path, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (json != null) {
            sent.putIfAbsent("Content-Type", "application/json");
        }
        return exchange(request, method, path, sent,
                json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8), token);
    }

    /** Posts raw bytes (a file) with the given Content-Type; chunked (no Content-Length) when {@code chunked}. */
    public ApiResponse upload(String path, String token, byte[] body, String contentType, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        return exchange(request, "POST", path, Map.of("Content-Type", contentType), body, token);
    }

    /**
     * Adds Accept and the bearer token, sends, keeps the status, Content-Type, body and headers, and holds the
     * exchange to the served OpenAPI document ({@link ApiContract}).
     */
    private ApiResponse exchange(HttpRequest.Builder request, String method, String path, Map<String, String> headers,
                                 byte[] body, String token) {
        String what = method + " " + path;
        request.header("Accept", "application/json");
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.putIfAbsent("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
            sent.put("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(",", v)));
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            ApiContract.checkOrCollect(document(), new ApiContract.Exchange(method, path, sent, body,
                    response.statusCode(), contentType, response.body()));
            return new ApiResponse(response.statusCode(), contentType, response.body(), responseHeaders);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** GETs a file: its status, headers and bytes. */
    public HttpResponse<byte[]> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + token).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Signs in and returns the access token. */
    public String login(String email, String password, String tenant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", email);
        body.put("password", password);
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        return post("/login", null, body).expect(200).text("/access_token");
    }

    public String operatorToken() {
        return login(IntegrationTest.OPERATOR_EMAIL, IntegrationTest.PASSWORD, null);
    }
}
