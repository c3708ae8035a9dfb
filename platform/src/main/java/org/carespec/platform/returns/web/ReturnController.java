package org.carespec.platform.returns.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.util.UUID;
import org.carespec.platform.returns.service.ReturnService;
import org.carespec.plugin.api.RoleNames;

/**
 * Performance returns of a contract: read by its provider's manager, its commissioner and tenant administrators;
 * written and submitted by the provider's manager; approved or sent back by the commissioner.
 */
@Controller("/api/v1/contracts/{contractId}/returns/{period}")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class ReturnController {

    private final ReturnService returns;

    public ReturnController(ReturnService returns) {
        this.returns = returns;
    }

    /** The return for a period such as {@code 2027-28-Q3} or {@code 2027-28}; a draft is computed live. */
    @Get
    public ReturnView get(UUID contractId, String period) {
        return returns.get(contractId, period);
    }

    @Post("/narratives")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView narrative(UUID contractId, String period, @Body @Valid ReturnCommands.Narrative narrative) {
        return returns.writeNarrative(contractId, period, narrative);
    }

    @Post("/adjustments")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView adjustment(UUID contractId, String period, @Body @Valid ReturnCommands.Adjustment adjustment) {
        return returns.adjust(contractId, period, adjustment);
    }

    @Post("/submit")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView submit(UUID contractId, String period) {
        return returns.submit(contractId, period);
    }

    @Post("/approve")
    @Secured(RoleNames.COMMISSIONER)
    public ReturnView approve(UUID contractId, String period) {
        return returns.approve(contractId, period);
    }

    @Post("/send-back")
    @Secured(RoleNames.COMMISSIONER)
    public ReturnView sendBack(UUID contractId, String period, @Body @Valid ReturnCommands.SendBack sendBack) {
        return returns.sendBack(contractId, period, sendBack.comment());
    }
}
