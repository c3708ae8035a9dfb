package org.carespec.plugin.api;

/**
 * The roles a person can hold in a tenant. A plugin's own controllers name them in {@code @Secured}.
 */
public enum Role {
    /** Runs the platform and creates tenants; sees no tenant's data. */
    OPERATOR,
    /** Administers one tenant: organisations, users, contracts. */
    TENANT_ADMIN,
    /** Works for a commissioning organisation: sees its contracts, returns and aggregate figures, not case notes. */
    COMMISSIONER,
    /** Manages a provider: its users, its returns, safeguarding. */
    PROVIDER_MANAGER,
    /** Does the provider's case work. */
    PRACTITIONER,
    /** Helps with groups and attendance; sees nothing sensitive. */
    VOLUNTEER
}
