package org.carespec.platform.demo.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small client of the platform's own API, for loading demo cases the way a person would enter them. */
final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    DemoApi(URI base) {
        this.base = base;
    }

    String login(String email, String password, String tenant) {
        return (String) send("POST", "/login", null, Map.of("username", email, "password", password,
                "tenant", tenant)).get("access_token");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            // The demo goes through the API like a person, but faster than the API lets one token ask
            // (carespec.api.requests-per-second): wait as long as the 429 says, then ask again.
            for (int tries = 0; response.statusCode() == 429 && tries < 100; tries++) {
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (response.body().length == 0) {
                return Map.of();
            }
            Object parsed = JSON.readValue(response.body(), Object.class);
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("items", (List<?>) parsed);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
