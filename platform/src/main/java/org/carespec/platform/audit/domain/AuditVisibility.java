package org.carespec.platform.audit.domain;

import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * What a reader of the audit trail sees of one event. The trail shows who did what to which record and when; it must
 * not become a second copy of the case record for people who may not read it (issue 17, finding 1). So:
 * <ul>
 * <li>a provider's manager sees, in full, the events its own staff caused (the actor's organisation is theirs);</li>
 * <li>a tenant administrator sees every event of the tenant: the actor, action, entity, record and time, and the
 * values themselves only for the records administrators keep (tenants, organisations, accounts, memberships,
 * contracts, settings, and the reads of the trail itself); for anything else, case records and modules' own tables included, only the names of the
 * fields that changed;</li>
 * <li>nobody else reads the trail.</li>
 * </ul>
 * The stored event keeps its full before and after whatever is shown, for the chain's verification.
 */
public final class AuditVisibility {

    /** The records tenant administrators keep, and the trail's own reads: their values are shown to them. */
    public static final Set<String> ADMINISTRATION = Set.of("tenant", "organisation", "user_account", "membership",
            "contract", "tenant_settings", "audit_event");

    private AuditVisibility() {
    }

    /** Whether this reader sees the event's before and after values, or only which fields changed. */
    public static boolean showsValues(Set<Role> readerRoles, UUID readerOrganisation, String entity,
                                      UUID actorOrganisation) {
        if (readerRoles.contains(Role.PROVIDER_MANAGER) && readerOrganisation != null
                && readerOrganisation.equals(actorOrganisation)) {
            return true;
        }
        return readerRoles.contains(Role.TENANT_ADMIN) && ADMINISTRATION.contains(entity);
    }
}
