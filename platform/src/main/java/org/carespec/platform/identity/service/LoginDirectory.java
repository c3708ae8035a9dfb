package org.carespec.platform.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.plugin.api.Role;

/**
 * The narrow window login has onto accounts before any tenant is chosen: the owner's security-definer functions
 * of migration V1, nothing else.
 */
@Singleton
public class LoginDirectory {


    private final Sql sql;

    public LoginDirectory(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    Optional<LoginAccount> account(String email) {
        return sql.one("select * from carespec_login_account(?)", List.of(email), LoginDirectory::account);
    }

    @Transactional
    Optional<LoginAccount> account(UUID id) {
        return sql.one("select * from carespec_login_account_by_id(?)", List.of(id), LoginDirectory::account);
    }

    private static LoginAccount account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LoginAccount(Sql.uuid(rs, "id"), rs.getString("email"), rs.getString("password_hash"),
                rs.getBoolean("operator"), Sql.instant(rs, "locked_until"));
    }

    @Transactional
    List<LoginMembership> memberships(UUID account) {
        return sql.list("select * from carespec_login_memberships(?)", List.of(account), rs -> new LoginMembership(
                Sql.uuid(rs, "tenant_id"), rs.getString("tenant_slug"), Sql.uuid(rs, "organisation_id"),
                roles(rs.getArray("roles")), rs.getBoolean("accepted")));
    }

    /** The person takes up a tenant's invitation by signing in to it. */
    @Transactional
    void accept(UUID account, UUID tenant) {
        sql.one("select carespec_accept_membership(?, ?)", List.of(account, tenant), rs -> 1);
    }

    /**
     * An open (not revoked) browser session with its account and, when the account still belongs to the session's
     * tenant, that membership: one call, for every page request.
     */
    @Transactional
    Optional<WebSessionHolder> webSessionHolder(String tokenHash) {
        return sql.one("select * from carespec_web_session_holder(?)", List.of(tokenHash), rs -> {
            UUID user = Sql.uuid(rs, "user_id");
            UUID tenant = Sql.uuid(rs, "tenant_id");
            Array roles = rs.getArray("roles");
            LoginMembership membership = roles == null ? null : new LoginMembership(tenant,
                    rs.getString("tenant_slug"), Sql.uuid(rs, "organisation_id"), roles(roles), true);
            return new WebSessionHolder(Sql.uuid(rs, "session_id"), tenant, Sql.instant(rs, "last_seen_at"),
                    Sql.instant(rs, "expires_at"), new LoginAccount(user, rs.getString("email"), null,
                    rs.getBoolean("operator"), Sql.instant(rs, "locked_until")), membership);
        });
    }

    /** A browser session as {@link #webSessionHolder} reads it; no password hash. */
    record WebSessionHolder(UUID sessionId, UUID tenantId, java.time.Instant lastSeen, java.time.Instant expires,
                            LoginAccount account, LoginMembership membership) {
    }

    @Transactional
    void recordSuccess(UUID account) {
        sql.one("select carespec_login_succeeded(?)", List.of(account), rs -> 1);
    }

    /** The id of the account holding this e-mail address, if there is one; nothing else of it. */
    @Transactional
    public Optional<UUID> accountIdByEmail(String email) {
        return sql.one("select carespec_account_id_by_email(?)", List.of(email), rs -> rs.getObject(1, UUID.class))
                .filter(id -> id != null);
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
