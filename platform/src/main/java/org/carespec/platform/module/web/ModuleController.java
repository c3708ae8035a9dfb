package org.carespec.platform.module.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.module.service.ModuleCatalogue;
import org.carespec.platform.module.service.ModuleView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.Role;

/**
 * The installed modules. A provider's people see only the modules their own contracts enable; operators,
 * administrators and commissioners see all.
 */
@Tag(name = "modules")
@ProblemResponses.SignedIn
@Controller("/api/v1/modules")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ModuleController {

    private final PluginRegistry plugins;
    private final ModuleCatalogue catalogue;
    private final CallerContext callers;
    private final ContractService contracts;

    public ModuleController(PluginRegistry plugins, ModuleCatalogue catalogue, CallerContext callers,
                            ContractService contracts) {
        this.plugins = plugins;
        this.catalogue = catalogue;
        this.callers = callers;
        this.contracts = contracts;
    }

    @Operation(operationId = "listModules", summary = "List installed modules")
    @Get
    public Page<ModuleView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return Page.slice(visible().stream().map(catalogue::describe).toList(), PageRequest.of(page, size));
    }

    @Operation(operationId = "getModule", summary = "Read a module")
    @ProblemResponses.NotFound
    @Get("/{id}")
    public ModuleView get(String id) {
        return visible().stream().filter(p -> p.id().equals(id)).findFirst().map(catalogue::describe)
                .orElseThrow(() -> new NotFoundException("Module " + id));
    }

    private List<InstalledPlugin> visible() {
        Caller caller = callers.require();
        if (caller.hasAny(Role.OPERATOR, Role.TENANT_ADMIN, Role.COMMISSIONER)) {
            return plugins.all();
        }
        Set<String> enabled = contracts.modulesOfOwnOrganisation();
        return plugins.all().stream().filter(p -> enabled.contains(p.id())).toList();
    }
}
