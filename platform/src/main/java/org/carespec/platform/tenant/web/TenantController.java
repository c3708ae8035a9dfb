package org.carespec.platform.tenant.web;

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
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenant.service.TenantCommand;
import org.carespec.platform.tenant.service.TenantService;
import org.carespec.platform.tenant.service.TenantView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Tenants: operators only. */
@Tag(name = "tenancy")
@ProblemResponses.SignedIn
@Controller("/api/v1/tenants")
@Secured(RoleNames.OPERATOR)
public class TenantController {

    private final TenantService tenants;

    public TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Operation(operationId = "createTenant", summary = "Create a tenant")
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<TenantView> create(@Body @Valid TenantCommand command) {
        TenantView tenant = tenants.create(command);
        return HttpResponse.created(tenant, URI.create("/api/v1/tenants/" + tenant.id()));
    }

    @Operation(operationId = "listTenants", summary = "List tenants")
    @Get
    public Page<TenantView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return tenants.list(PageRequest.of(page, size));
    }

    @Operation(operationId = "getTenant", summary = "Read a tenant")
    @ProblemResponses.NotFound
    @Get("/{id}")
    public TenantView get(UUID id) {
        return tenants.get(id);
    }
}
