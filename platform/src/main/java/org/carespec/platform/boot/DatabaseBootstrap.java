package org.carespec.platform.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides which PostgreSQL the platform runs against, before the application context starts:
 * {@code DATABASE_URL} (with {@code DATABASE_USER}/{@code DATABASE_PASSWORD}) when set, otherwise an embedded
 * server with its data in the Carespec data directory.
 *
 * <p>With an external database, the application role comes from {@code DATABASE_APP_USER} and
 * {@code DATABASE_APP_PASSWORD}. When those are unset the platform creates (or updates) the role
 * {@code <owner>_app} itself, with a password derived from the owner's, so every instance arrives at the same
 * one; this needs the owner to hold CREATEROLE. The same goes for the reporting login ({@link ReportingRole}).
 * Production should create the roles once with {@code deploy/db/create-roles.sql} and set
 * {@code DATABASE_APP_USER}, {@code DATABASE_APP_PASSWORD} and {@code DATABASE_REPORTING_PASSWORD}.
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    /** The database for a run: external when {@code DATABASE_URL} is set, else embedded in {@code home}. */
    public static Prepared prepare(Map<String, String> env, Path home) {
        Optional<DatabaseTarget> external = external(env);
        if (external.isPresent()) {
            return new Prepared(external.get(), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(home, false);
        return new Prepared(embedded.target(), embedded);
    }

    /** The external database named by {@code DATABASE_URL}, its application role made ready; empty if unset. */
    public static Optional<DatabaseTarget> external(Map<String, String> env) {
        String raw = env.get("DATABASE_URL");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        DatabaseUrl url = DatabaseUrl.parse(raw);
        String user = firstNonBlank(env.get("DATABASE_USER"), url.embeddedCredentials().map(Credentials::user));
        String password = firstNonBlank(env.get("DATABASE_PASSWORD"),
                url.embeddedCredentials().map(Credentials::password));
        if (user == null) {
            throw new DatabaseStartupException("DATABASE_URL is set but no user: set DATABASE_USER (the owner"
                    + " account that runs migrations) and DATABASE_PASSWORD");
        }
        Credentials owner = new Credentials(user, password);
        return Optional.of(withApplicationRole(url.jdbcUrl(), owner, env, "PostgreSQL at " + redact(url.jdbcUrl())));
    }

    /** Readies the application role on a server where {@code owner} may create roles. */
    public static DatabaseTarget withApplicationRole(String jdbcUrl, Credentials owner, Map<String, String> env,
                                                     String description) {
        String appUser = env.get("DATABASE_APP_USER");
        Credentials application;
        boolean derived = appUser == null || appUser.isBlank();
        if (derived) {
            application = new Credentials(owner.user() + "_app", derivePassword(owner));
        } else {
            application = new Credentials(appUser, env.getOrDefault("DATABASE_APP_PASSWORD", ""));
        }
        if (application.user().equals(owner.user())) {
            throw new DatabaseStartupException("DATABASE_APP_USER must differ from DATABASE_USER: the application"
                    + " must not own the tables it reads, or row-level security does not hold");
        }
        Credentials reporting = ReportingRole.credentialsFor(application, env);
        if (derived) {
            ApplicationRole.ensure(jdbcUrl, owner, application, reporting, true);
        }
        return new DatabaseTarget(jdbcUrl, owner, application, reporting, description);
    }

    private static String derivePassword(Credentials owner) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((owner.user() + ":" + owner.password()).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("carespec application role".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String firstNonBlank(String value, Optional<String> fallback) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        return fallback.filter(v -> !v.isBlank()).orElse(null);
    }

    private static String redact(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** The chosen database and, when embedded, the server to stop on shutdown. */
    public record Prepared(DatabaseTarget target, EmbeddedDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
