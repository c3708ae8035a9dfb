package org.carespec.plugin.api;

/** The {@link Role} names as compile-time constants, for {@code @Secured} on controllers (plugins' included). */
public final class RoleNames {

    public static final String OPERATOR = "OPERATOR";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String COMMISSIONER = "COMMISSIONER";
    public static final String PROVIDER_MANAGER = "PROVIDER_MANAGER";
    public static final String PRACTITIONER = "PRACTITIONER";
    public static final String VOLUNTEER = "VOLUNTEER";

    private RoleNames() {
    }
}
