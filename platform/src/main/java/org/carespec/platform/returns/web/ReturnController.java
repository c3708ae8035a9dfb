package org.carespec.platform.returns.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import java.util.UUID;
import org.carespec.platform.returns.service.ReturnService;
import org.carespec.plugin.api.RoleNames;

/** Performance returns: the provider's manager and the commissioner of the contract (and tenant administrators). */
@Controller("/api/v1/contracts/{contractId}/returns")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class ReturnController {

    private final ReturnService returns;

    public ReturnController(ReturnService returns) {
        this.returns = returns;
    }

    /** The return for a period such as {@code 2027-28-Q3} or {@code 2027-28}; a draft is computed live. */
    @Get("/{period}")
    public ReturnView get(UUID contractId, String period) {
        return returns.draft(contractId, period);
    }
}
