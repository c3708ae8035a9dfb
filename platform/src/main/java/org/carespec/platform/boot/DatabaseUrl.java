package org.carespec.platform.boot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code DATABASE_URL} in either form operators meet: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/carespec}) or a libpq URL with credentials
 * ({@code postgres://user:secret@host:5432/carespec}).
 */
record DatabaseUrl(String jdbcUrl, Optional<Credentials> embeddedCredentials) {

    static DatabaseUrl parse(String raw) {
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty());
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("DATABASE_URL has no host");
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbc = "jdbc:postgresql://" + host + ":" + port + uri.getRawPath() + query;
            Optional<Credentials> credentials = Optional.empty();
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                credentials = Optional.of(new Credentials(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : ""));
            }
            return new DatabaseUrl(jdbc, credentials);
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
