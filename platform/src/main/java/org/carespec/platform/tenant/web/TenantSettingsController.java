package org.carespec.platform.tenant.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.carespec.platform.tenant.service.TenantSettings;
import org.carespec.platform.tenant.service.TenantSettingsChange;
import org.carespec.platform.tenant.service.TenantSettingsView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** The caller's tenant's settings: read by its administrators and commissioners, changed by its administrators. */
@Tag(name = "tenancy")
@ProblemResponses.SignedIn
@Controller("/api/v1/tenant-settings")
@Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER})
public class TenantSettingsController {

    private final TenantSettings settings;

    public TenantSettingsController(TenantSettings settings) {
        this.settings = settings;
    }

    @Operation(operationId = "getTenantSettings", summary = "Read the tenant's settings")
    @Get
    public TenantSettingsView get() {
        return settings.get();
    }

    @Operation(operationId = "updateTenantSettings", summary = "Change the tenant's settings")
    @Patch
    @Secured(RoleNames.TENANT_ADMIN)
    public TenantSettingsView update(@Body @Valid TenantSettingsChange change) {
        return settings.update(change);
    }
}
