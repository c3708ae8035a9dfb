package org.carespec.platform.organisation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.organisation.service.OrganisationCommand;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.organisation.service.OrganisationView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Organisations of the caller's tenant. */
@Tag(name = "tenancy")
@ProblemResponses.SignedIn
@Controller("/api/v1/organisations")
public class OrganisationController {

    private final OrganisationService organisations;

    public OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Operation(operationId = "createOrganisation", summary = "Create an organisation")
    @Status(HttpStatus.CREATED)
    @Post
    @Secured(RoleNames.TENANT_ADMIN)
    public HttpResponse<OrganisationView> create(@Body @Valid OrganisationCommand command) {
        OrganisationView organisation = organisations.create(command);
        return HttpResponse.created(organisation, URI.create("/api/v1/organisations/" + organisation.id()));
    }

    @Operation(operationId = "listOrganisations", summary = "List organisations")
    @Get
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public Page<OrganisationView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return organisations.list(PageRequest.of(page, size));
    }

    @Operation(operationId = "getOrganisation", summary = "Read an organisation")
    @ProblemResponses.NotFound
    @Get("/{id}")
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
    public OrganisationView get(UUID id) {
        return organisations.get(id);
    }
}
