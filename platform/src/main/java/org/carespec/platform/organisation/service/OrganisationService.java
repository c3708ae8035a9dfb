package org.carespec.platform.organisation.service;

import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.repository.OrganisationRepository;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * Organisations of the caller's tenant. Administrators and commissioners see all of them; a provider's people see
 * their own organisation and those it holds contracts with.
 */
@Singleton
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final CallerContext callers;

    public OrganisationService(OrganisationRepository organisations, CallerContext callers) {
        this.organisations = organisations;
        this.callers = callers;
    }

    @Transactional
    public OrganisationView create(OrganisationCommand command) {
        Caller caller = callers.require();
        Organisation organisation = new Organisation(Ids.newId(), caller.requireTenant().toString(), command.name().trim(),
                command.kind(), command.odsCode(), command.charityNumber(), null);
        return OrganisationView.of(organisations.save(organisation));
    }

    @Transactional
    public Page<OrganisationView> list(PageRequest page) {
        Caller caller = callers.require();
        caller.requireTenant();
        var sort = Sort.of(Sort.Order.asc("name"), Sort.Order.asc("id"));
        if (seesAll(caller)) {
            return Page.of(organisations.findAll(page.pageable(sort)), page).map(OrganisationView::of);
        }
        return Page.of(organisations.findCounterparties(caller.requireOrganisation(), page.pageable(Sort.UNSORTED)), page)
                .map(OrganisationView::of);
    }

    @Transactional
    public OrganisationView get(UUID id) {
        Caller caller = callers.require();
        caller.requireTenant();
        Optional<Organisation> found = organisations.findById(id);
        if (found.isEmpty() || !(seesAll(caller) || visibleToProvider(caller, id))) {
            throw new NotFoundException("Organisation " + id);
        }
        return OrganisationView.of(found.get());
    }

    /** The organisation in the caller's tenant, if it exists. */
    @Transactional
    public Optional<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    private boolean visibleToProvider(Caller caller, UUID id) {
        return organisations.isCounterparty(caller.requireOrganisation(), id);
    }

    private static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.TENANT_ADMIN, Role.COMMISSIONER);
    }
}
