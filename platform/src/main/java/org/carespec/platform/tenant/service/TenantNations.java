package org.carespec.platform.tenant.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carespec.platform.database.Sql;
import org.carespec.platform.tenant.domain.Nation;

/** Which UK nation's calendar a tenant works to (England and Wales unless it says otherwise). */
@Singleton
public class TenantNations {

    private final Sql sql;
    private final Map<UUID, Nation> cache = new ConcurrentHashMap<>();

    public TenantNations(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public Nation of(UUID tenant) {
        Nation cached = cache.get(tenant);
        if (cached != null) {
            return cached;
        }
        Nation nation = sql.one("select nation from tenant where id = ?", List.of(tenant),
                rs -> Nation.valueOf(rs.getString(1))).orElse(Nation.ENGLAND_AND_WALES);
        cache.put(tenant, nation);
        return nation;
    }
}
