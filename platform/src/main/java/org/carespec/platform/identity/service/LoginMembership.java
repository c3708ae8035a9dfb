package org.carespec.platform.identity.service;

import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * One tenant an account may sign in to, with its organisation and roles there; not yet {@code accepted} while it is
 * an invitation the person has not taken up by signing in to the tenant.
 */
record LoginMembership(UUID tenantId, String tenantSlug, UUID organisationId, Set<Role> roles, boolean accepted) {
}
