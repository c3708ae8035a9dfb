package org.carespec.platform.tenant.service;

import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.identity.service.UserCommand;
import org.carespec.platform.identity.service.UserService;
import org.carespec.platform.organisation.domain.OrganisationKind;
import org.carespec.platform.organisation.service.OrganisationCommand;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.organisation.service.OrganisationView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.domain.Tenant;
import org.carespec.platform.tenant.repository.TenantRepository;
import org.carespec.plugin.api.Role;

/** Tenants, for operators. Onboarding a tenant writes rows only: it runs no DDL. */
@Singleton
public class TenantService {

    private final TenantRepository tenants;
    private final CallerContext callers;
    private final OrganisationService organisations;
    private final UserService users;
    private final TransactionOperations<Connection> transactions;

    public TenantService(TenantRepository tenants, CallerContext callers, OrganisationService organisations,
                         UserService users, TransactionOperations<Connection> transactions) {
        this.tenants = tenants;
        this.callers = callers;
        this.organisations = organisations;
        this.users = users;
        this.transactions = transactions;
    }

    /** Creates the tenant, its hosting commissioner and its first administrator, in one transaction. */
    public TenantView create(TenantCommand command) {
        Caller operator = callers.require();
        UUID id = Ids.newId();
        // The rest happens inside the new tenant: row-level security and the audit trail see it there.
        return callers.callAs(operator.inTenant(id), () -> transactions.executeWrite(status -> {
            if (tenants.existsBySlug(command.slug())) {
                throw new ConflictException("A tenant with the slug '" + command.slug() + "' already exists.");
            }
            Tenant tenant = tenants.save(new Tenant(id, command.slug(), command.name().trim(),
                    command.nation() == null ? Nation.ENGLAND_AND_WALES : command.nation(), null));
            OrganisationView host = organisations.create(new OrganisationCommand(command.hostOrganisation().name(),
                    OrganisationKind.COMMISSIONER, command.hostOrganisation().odsCode(), null));
            TenantCommand.FirstAdministrator admin = command.administrator();
            Caller inTenant = new Caller(operator.actor(), operator.userId(), id, host.id(),
                    Set.of(Role.OPERATOR, Role.TENANT_ADMIN), operator.requestId());
            callers.runAs(inTenant, () -> users.create(new UserCommand(admin.email(), admin.displayName(),
                    admin.password(), host.id(), Set.of(Role.TENANT_ADMIN, Role.COMMISSIONER))));
            return TenantView.of(tenant);
        }));
    }

    @Transactional
    public Page<TenantView> list(PageRequest page) {
        return Page.of(tenants.findAll(page.pageable(Sort.of(Sort.Order.asc("slug")))), page).map(TenantView::of);
    }

    @Transactional
    public TenantView get(UUID id) {
        return tenants.findById(id).map(TenantView::of).orElseThrow(() -> new NotFoundException("Tenant " + id));
    }
}
