package org.carespec.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for the web UI's tests: it keeps the cookies the pages set (as a browser would,
 * whatever their Secure flag, since tests run on plain-HTTP localhost), follows no redirect by itself, and posts forms
 * as {@code application/x-www-form-urlencoded} with the page's CSRF token when asked.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastPage = "";

    public Browser(URI base) {
        this.base = base;
    }

    /** A page, as the last one seen (for its CSRF token). */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        lastPage = page.body();
        return page;
    }

    /** Posts a form with the fields given, and the CSRF token of the last page seen unless one is given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        csrfToken().ifPresent(t -> form.put("csrfToken", t));
        form.putAll(fields);
        return postExactly(path, form);
    }

    /** Posts exactly these fields (no CSRF token unless among them). */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        lastPage = page.body();
        return page;
    }

    /** Signs in through the sign-in page; the answer to the form. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/");
        return post("/sign-in", Map.of("email", email, "password", password));
    }

    /** A request of the JSON API with only what the browser holds (its cookies, no bearer token). */
    public HttpResponse<String> api(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    public java.util.Optional<String> csrfToken() {
        Matcher m = CSRF.matcher(lastPage);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (request.build().headers().firstValue("Accept").isEmpty()) { // as a browser asks for a page
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> set = response.headers().allValues("Set-Cookie");
            for (String cookie : set) {
                String[] pair = cookie.split(";", 2)[0].split("=", 2);
                boolean gone = cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (gone || pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("the request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
