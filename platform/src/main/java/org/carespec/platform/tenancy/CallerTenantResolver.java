package org.carespec.platform.tenancy;

import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import io.micronaut.multitenancy.tenantresolver.TenantResolver;
import jakarta.inject.Singleton;
import java.io.Serializable;
import java.util.UUID;

/**
 * Tells Micronaut Data's discriminator multi-tenancy which tenant a query is for: the caller's. With no tenant
 * every query on a tenant entity fails rather than returning everyone's rows.
 */
@Singleton
public class CallerTenantResolver implements TenantResolver {

    private final CallerContext callers;

    public CallerTenantResolver(CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public Serializable resolveTenantIdentifier() {
        return callers.current().map(Caller::tenantId).map(UUID::toString)
                .orElseThrow(() -> new TenantNotFoundException("no tenant: the caller is not signed in to one"));
    }
}
