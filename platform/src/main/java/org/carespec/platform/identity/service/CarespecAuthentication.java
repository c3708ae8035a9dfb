package org.carespec.platform.identity.service;

import io.micronaut.security.authentication.Authentication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.plugin.api.Role;

/**
 * The claims of a Carespec token: {@code sub} is the account id; {@code tenant}, {@code tenantSlug} and
 * {@code org} say where the caller acts; {@code roles} what they may do there. Read back by
 * {@link org.carespec.platform.tenancy.CallerContext}.
 */
public final class CarespecAuthentication {

    public static final String EMAIL = "email";
    public static final String TENANT = "tenant";
    public static final String TENANT_SLUG = "tenantSlug";
    public static final String ORGANISATION = "org";

    private CarespecAuthentication() {
    }

    static Authentication member(UUID account, String email, LoginMembership membership) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(EMAIL, email);
        attributes.put(TENANT, membership.tenantId().toString());
        attributes.put(TENANT_SLUG, membership.tenantSlug());
        attributes.put(ORGANISATION, membership.organisationId().toString());
        return Authentication.build(account.toString(), names(membership.roles()), attributes);
    }

    static Authentication operator(UUID account, String email) {
        return Authentication.build(account.toString(), List.of(Role.OPERATOR.name()), Map.of(EMAIL, email));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
