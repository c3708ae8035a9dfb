package org.carespec.platform.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.domain.Membership;
import org.carespec.platform.identity.domain.UserAccount;
import org.carespec.platform.identity.repository.MembershipRepository;
import org.carespec.platform.identity.repository.UserAccountRepository;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.domain.OrganisationKind;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * The people who sign in to the caller's tenant. A tenant administrator manages everyone; a provider manager
 * manages the people of their own organisation and can give them provider roles only.
 */
@Singleton
public class UserService {

    static final Set<Role> PROVIDER_ROLES = EnumSet.of(Role.PROVIDER_MANAGER, Role.PRACTITIONER, Role.VOLUNTEER);

    private final Sql sql;
    private final CallerContext callers;
    private final OrganisationService organisations;
    private final UserAccountRepository accounts;
    private final MembershipRepository memberships;
    private final LoginDirectory directory;
    private final PasswordHasher hasher;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;

    public UserService(Sql sql, CallerContext callers, OrganisationService organisations,
                       UserAccountRepository accounts, MembershipRepository memberships, LoginDirectory directory,
                       PasswordHasher hasher, RefreshTokenStore refreshTokens, Clock clock) {
        this.sql = sql;
        this.callers = callers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.memberships = memberships;
        this.directory = directory;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Transactional
    public UserView create(UserCommand command) {
        Caller caller = callers.require();
        UUID tenant = caller.requireTenant();
        String email = command.email().trim().toLowerCase(Locale.ROOT);
        Organisation organisation = organisations.find(command.organisationId())
                .orElseThrow(() -> InvalidRequestException.of("organisationId", "is not an organisation of this tenant"));
        checkMayGrant(caller, organisation, command.roles());
        // the same checks and the same work whether or not the address has an account: the answer tells nothing
        if (command.password() == null || command.password().isBlank()) {
            throw InvalidRequestException.of("password", "is required");
        }
        PasswordPolicy.refusal(command.password(), email).ifPresent(reason -> {
            throw InvalidRequestException.of("password", reason);
        });
        Optional<UUID> existing = directory.accountIdByEmail(email);
        UUID accountId;
        if (existing.isPresent()) {
            accountId = existing.get();
            if (memberships.existsByUserId(accountId)) {
                throw new ConflictException("A user with this e-mail address already belongs to this tenant.");
            }
            hasher.hash(command.password()); // the work a new account costs, so the time tells nothing either
        } else {
            accountId = Ids.newId();
            accounts.save(new UserAccount(accountId, email, command.displayName().trim(),
                    hasher.hash(command.password()), false, 0, null, null));
        }
        Membership membership = memberships.save(new Membership(Ids.newId(), tenant.toString(), accountId,
                organisation.id(), command.displayName().trim(), Membership.names(command.roles()), null, null));
        return get(membership.userId());
    }

    @Transactional
    public Page<UserView> list(PageRequest page) {
        Caller caller = callers.require();
        caller.requireTenant();
        String where = caller.has(Role.TENANT_ADMIN) ? "" : " where m.organisation_id = ?";
        List<Object> parameters = new ArrayList<>();
        if (!where.isEmpty()) {
            parameters.add(caller.requireOrganisation());
        }
        return sql.page("select count(*) from membership m" + where, SELECT + where + " order by u.email, u.id",
                parameters, page, this::view);
    }

    @Transactional
    public UserView get(UUID id) {
        Caller caller = callers.require();
        caller.requireTenant();
        Optional<UserView> user = sql.one(SELECT + " where u.id = ?", List.of(id), this::view);
        if (user.isEmpty() || !(caller.has(Role.TENANT_ADMIN)
                || user.get().organisationId().equals(caller.organisationId()))) {
            throw new NotFoundException("User " + id);
        }
        return user.get();
    }

    @Transactional
    public UserView update(UUID id, org.carespec.platform.identity.service.UserChange change) {
        Caller caller = callers.require();
        UserView user = get(id);
        if (change.roles() != null) {
            Organisation organisation = organisations.find(user.organisationId()).orElseThrow();
            checkMayGrant(caller, organisation, change.roles());
            if (!caller.has(Role.TENANT_ADMIN) && !PROVIDER_ROLES.containsAll(user.roles())) {
                throw new ForbiddenException("A provider manager can change provider roles only.");
            }
            sql.update("update membership set roles = ? where tenant_id = ? and user_id = ?",
                    List.of(Membership.names(change.roles()), caller.requireTenant(), id));
        }
        if (change.safeguardingLead() != null) {
            sql.update("update membership set safeguarding_lead = ? where tenant_id = ? and user_id = ?",
                    List.of(change.safeguardingLead(), caller.requireTenant(), id));
        }
        if (change.displayName() != null) {
            if (change.displayName().isBlank()) {
                throw InvalidRequestException.of("displayName", "must not be blank");
            }
            // the name this tenant knows the person by; other tenants keep theirs
            sql.update("update membership set display_name = ? where tenant_id = ? and user_id = ?",
                    List.of(change.displayName().trim(), caller.requireTenant(), id));
        }
        return get(id);
    }

    /** Revokes every refresh token the user holds for this tenant; their access tokens lapse within 15 minutes. */
    @Transactional
    public int revokeSessions(UUID id) {
        UserView user = get(id);
        return refreshTokens.revokeAll(user.id(), callers.require().requireTenant());
    }

    private void checkMayGrant(Caller caller, Organisation organisation, Set<Role> roles) {
        List<FieldError> errors = new ArrayList<>();
        if (roles.contains(Role.OPERATOR)) {
            errors.add(new FieldError("roles", "OPERATOR is not a tenant role"));
        }
        if (!caller.has(Role.TENANT_ADMIN)) {
            if (!organisation.id().equals(caller.organisationId())) {
                throw new ForbiddenException("A provider manager can add people to their own organisation only.");
            }
            if (!PROVIDER_ROLES.containsAll(roles)) {
                throw new ForbiddenException("A provider manager can give provider roles only: " + PROVIDER_ROLES);
            }
        }
        if (roles.contains(Role.COMMISSIONER) && organisation.kind() != OrganisationKind.COMMISSIONER) {
            errors.add(new FieldError("roles", "COMMISSIONER needs a commissioning organisation"));
        }
        if (organisation.kind() != OrganisationKind.PROVIDER && roles.stream().anyMatch(PROVIDER_ROLES::contains)) {
            errors.add(new FieldError("roles", "PROVIDER_MANAGER, PRACTITIONER and VOLUNTEER need a providing"
                    + " organisation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static final String SELECT = """
            select u.id, u.email, m.display_name, m.organisation_id, m.roles, m.safeguarding_lead, u.locked_until,
                   m.created_at, m.accepted_at
            from membership m join user_account u on u.id = m.user_id""";

    private UserView view(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
        Instant lockedUntil = Sql.instant(rs, "locked_until");
        return new UserView(Sql.uuid(rs, "id"), rs.getString("email"), rs.getString("display_name"),
                Sql.uuid(rs, "organisation_id"), roles, rs.getBoolean("safeguarding_lead"),
                lockedUntil != null && lockedUntil.isAfter(clock.instant()), Sql.instant(rs, "created_at"),
                rs.getTimestamp("accepted_at") == null);
    }
}
