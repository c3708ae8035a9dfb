package org.carespec.platform.tenant.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.database.Sql;

/** Which UK nation's calendar a tenant works to (England and Wales unless it says otherwise). */
@Singleton
public class TenantNations {

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Map<UUID, Nation> cache = new ConcurrentHashMap<>();

    public TenantNations(Sql sql, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /**
     * The tenant's nation, read once and then kept: it is chosen when the tenant is created and never changes. Not
     * {@code @Transactional}, so the hit (every referral, every due date) costs no interceptor.
     */
    public Nation of(UUID tenant) {
        Nation cached = cache.get(tenant);
        if (cached != null) {
            return cached;
        }
        Nation nation = transactions.executeRead(status -> sql.one("select nation from tenant where id = ?",
                List.of(tenant), rs -> Nation.valueOf(rs.getString(1)))).orElse(Nation.ENGLAND_AND_WALES);
        cache.put(tenant, nation);
        return nation;
    }
}
