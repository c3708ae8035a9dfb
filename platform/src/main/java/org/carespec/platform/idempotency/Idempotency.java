package org.carespec.platform.idempotency;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.json.Json;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Duplicate submits: a create request carrying an {@code Idempotency-Key} header runs once. The same key with the
 * same request returns the first result and creates nothing; the same key with a different request is refused.
 * Keys belong to the caller within the tenant. Concurrent duplicates wait on the first (PostgreSQL's unique index)
 * and then return its result.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private final Sql sql;
    private final CallerContext callers;

    public Idempotency(Sql sql, CallerContext callers) {
        this.sql = sql;
        this.callers = callers;
    }

    /**
     * Creates once per key and reads the result back.
     *
     * @param key     the header's value, or {@code null} to just create
     * @param scope   what is being created where, e.g. {@code referral:<contract id>}
     * @param request the request body, whose content decides whether a repeat is "the same request"
     * @param create  creates the resource and returns its id
     * @param read    reads the resource by id
     */
    @Transactional
    public <V> V once(String key, String scope, Object request, Supplier<UUID> create, Function<UUID, V> read) {
        return claim(key, scope, request, () -> {
            UUID id = create.get();
            return new Made<>(id, () -> read.apply(id));
        }, read);
    }

    /**
     * As {@link #once(String, String, Object, Supplier, Function)}, for a create that returns what it made
     * ({@code idOf} gives its id), so the first call needs no read back.
     */
    @Transactional
    public <V> V once(String key, String scope, Object request, Supplier<V> create, Function<V, UUID> idOf,
                      Function<UUID, V> read) {
        return claim(key, scope, request, () -> {
            V made = create.get();
            return new Made<>(idOf.apply(made), () -> made);
        }, read);
    }

    private <V> V claim(String key, String scope, Object request, Supplier<Made<V>> make, Function<UUID, V> read) {
        if (key == null) {
            return make.get().view().get();
        }
        if (key.isBlank() || key.length() > 128) {
            throw InvalidRequestException.of(HEADER, "must be 1 to 128 characters");
        }
        Caller caller = callers.require();
        String hash = hash(scope, request);
        int claimed = sql.update("insert into idempotency_key (tenant_id, actor, key, request_hash) values (?, ?, ?, ?)"
                + " on conflict do nothing", List.of(caller.requireTenant(), caller.actor(), key, hash));
        if (claimed == 0) {
            Optional<Claim> earlier = sql.one("select request_hash, resource_id from idempotency_key"
                    + " where tenant_id = ? and actor = ? and key = ?", List.of(caller.requireTenant(), caller.actor(), key),
                    rs -> new Claim(rs.getString(1), rs.getObject(2, UUID.class)));
            if (earlier.isEmpty() || !earlier.get().hash().equals(hash) || earlier.get().resource() == null) {
                throw InvalidRequestException.of(HEADER, "was already used for a different request");
            }
            return read.apply(earlier.get().resource());
        }
        Made<V> made = make.get();
        sql.update("update idempotency_key set resource_id = ? where tenant_id = ? and actor = ? and key = ?",
                Arrays.asList(made.id(), caller.requireTenant(), caller.actor(), key));
        return made.view().get();
    }

    private record Made<V>(UUID id, Supplier<V> view) {
    }

    private static String hash(String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private record Claim(String hash, UUID resource) {
    }
}
