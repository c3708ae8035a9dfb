package org.carespec.platform.obligation.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.obligation.service.ObligationService;
import org.carespec.platform.obligation.service.ObligationView;
import org.carespec.plugin.api.RoleNames;

/** A contract's obligations: the provider's manager keeps them, the commissioner and administrators watch them. */
@Controller("/api/v1/contracts/{contractId}/obligations")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class ObligationController {

    private final ObligationService obligations;

    public ObligationController(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Get
    public List<ObligationView> schedule(UUID contractId) {
        return obligations.schedule(contractId);
    }

    @Post("/{code}/{occurrence}/done")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ObligationView done(UUID contractId,
                               @Pattern(regexp = "^[a-z0-9-]{1,64}$", message = "must be an obligation code") String code,
                               @Pattern(regexp = "^[A-Za-z0-9-]{1,40}$", message = "must be an occurrence such as"
                                       + " 2027-28-Q3, 2027, year-1 or once") String occurrence,
                               @Body @Valid ObligationView.Done done) {
        return obligations.markDone(contractId, code, occurrence, done);
    }
}
