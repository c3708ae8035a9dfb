package org.carespec.platform.tenancy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.errors.NoTenantException;
import org.carespec.plugin.api.Role;

/**
 * Who is acting: a person signed in to one tenant, an operator, or a named background job. The database session
 * is set from it on every connection, so row-level security and the audit trigger see the same caller.
 *
 * @param actor          the user id, or {@code system:<job>} for background work
 * @param userId         the signed-in user, or {@code null} for a job
 * @param tenantId       the tenant acted in, or {@code null} (an operator outside any tenant)
 * @param organisationId the caller's organisation in that tenant, or {@code null}
 * @param roles          the caller's roles in that tenant
 * @param requestId      the HTTP request id, or {@code null}
 */
public record Caller(String actor, UUID userId, UUID tenantId, UUID organisationId, Set<Role> roles,
                     String requestId) {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A background job acting for the platform, in no tenant. */
    public static Caller system(String job) {
        return new Caller("system:" + job, null, null, null, Set.of(Role.OPERATOR), null);
    }

    /** The same caller acting in another tenant (operators creating a tenant; jobs working tenant by tenant). */
    public Caller inTenant(UUID tenant) {
        return new Caller(actor, userId, tenant, organisationId, roles, requestId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller is the manager of this provider: the one who answers for its contracts' duties. */
    public boolean managesProvider(UUID providerId) {
        return has(Role.PROVIDER_MANAGER) && providerId != null && providerId.equals(organisationId);
    }

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR);
    }

    /** The tenant, which every tenant-scoped operation needs; refused (403) for a caller outside any tenant. */
    public UUID requireTenant() {
        if (tenantId == null) {
            throw new NoTenantException();
        }
        return tenantId;
    }

    /** The caller's organisation, which provider- and commissioner-scoped operations need; refused without one. */
    public UUID requireOrganisation() {
        if (organisationId == null) {
            throw new NoTenantException();
        }
        return organisationId;
    }
}
