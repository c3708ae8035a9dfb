package org.carespec.platform.organisation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.organisation.service.OrganisationCommand;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.organisation.service.OrganisationView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.plugin.api.RoleNames;

/** Organisations of the caller's tenant. */
@Controller("/api/v1/organisations")
public class OrganisationController {

    private final OrganisationService organisations;

    public OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Post
    @Secured(RoleNames.TENANT_ADMIN)
    public HttpResponse<OrganisationView> create(@Body @Valid OrganisationCommand command) {
        OrganisationView organisation = organisations.create(command);
        return HttpResponse.created(organisation, URI.create("/api/v1/organisations/" + organisation.id()));
    }

    @Get
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public Page<OrganisationView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return organisations.list(PageRequest.of(page, size));
    }

    @Get("/{id}")
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public OrganisationView get(UUID id) {
        return organisations.get(id);
    }
}
