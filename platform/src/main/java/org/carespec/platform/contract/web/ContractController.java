package org.carespec.platform.contract.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.contract.service.ContractCommand;
import org.carespec.platform.contract.service.ContractChange;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.contract.service.ContractView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.plugin.api.RoleNames;

/** Contracts: administrators write; commissioners and providers read their own. */
@Controller("/api/v1/contracts")
public class ContractController {

    private final ContractService contracts;

    public ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Post
    @Secured(RoleNames.TENANT_ADMIN)
    public HttpResponse<ContractView> create(@Body @Valid ContractCommand command) {
        ContractView contract = contracts.create(command);
        return HttpResponse.created(contract, URI.create("/api/v1/contracts/" + contract.id()));
    }

    @Patch("/{id}")
    @Secured(RoleNames.TENANT_ADMIN)
    public ContractView update(UUID id, @Body @Valid ContractChange patch) {
        return contracts.update(id, patch);
    }

    @Get
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER,
            RoleNames.VOLUNTEER})
    public Page<ContractView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return contracts.list(PageRequest.of(page, size));
    }

    @Get("/{id}")
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER,
            RoleNames.VOLUNTEER})
    public ContractView get(UUID id) {
        return contracts.get(id);
    }
}
