package org.carespec.platform.tenant.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import org.carespec.platform.database.Sql;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/** Settings a tenant administrator keeps for the whole tenant: small-number suppression in returns. */
@Singleton
public class TenantSettings {

    private final Sql sql;
    private final CallerContext callers;

    public TenantSettings(Sql sql, CallerContext callers) {
        this.sql = sql;
        this.callers = callers;
    }

    @Transactional
    public TenantSettingsView get() {
        Caller caller = callers.require();
        return sql.one("select nation, suppress_small_numbers, suppression_threshold from tenant where id = ?",
                List.of(caller.requireTenant()), rs -> new TenantSettingsView(rs.getString(1), rs.getBoolean(2),
                        rs.getInt(3))).orElseThrow();
    }

    /** Changes what is given and keeps the rest. */
    @Transactional
    public TenantSettingsView update(TenantSettingsChange change) {
        Caller caller = callers.require();
        sql.update("update tenant set suppress_small_numbers = coalesce(?, suppress_small_numbers),"
                        + " suppression_threshold = coalesce(?, suppression_threshold) where id = ?",
                Arrays.asList(change.suppressSmallNumbers(), change.suppressionThreshold(), caller.requireTenant()));
        return get();
    }
}
