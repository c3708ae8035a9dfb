package org.carespec.platform.obligation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.obligation.service.ObligationService;
import org.carespec.platform.obligation.service.ObligationView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** A contract's obligations: the provider's manager keeps them, the commissioner and administrators watch them. */
@Tag(name = "obligations")
@ProblemResponses.SignedIn
@Controller("/api/v1/contracts/{contractId}/obligations")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class ObligationController {

    private final ObligationService obligations;

    public ObligationController(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Operation(operationId = "listObligations", summary = "List a contract's obligations")
    @ProblemResponses.NotFound
    @Get
    public Page<ObligationView> schedule(UUID contractId, @QueryValue @Nullable Integer page,
                                         @QueryValue @Nullable Integer size) {
        return Page.slice(obligations.schedule(contractId), PageRequest.of(page, size));
    }

    @Operation(operationId = "markObligationDone", summary = "Mark an obligation done")
    @ProblemResponses.NotFound
    @Post("/{code}/{occurrence}/done")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ObligationView done(UUID contractId,
                               @Pattern(regexp = "^[a-z0-9-]{1,64}$",
                               message = "must be an obligation code") String code,
                               @Pattern(regexp = "^[A-Za-z0-9-]{1,40}$", message = "must be an occurrence such as"
                                       + " 2027-28-Q3, 2027, year-1 or once") String occurrence,
                               @Body @Valid ObligationView.Done done) {
        return obligations.markDone(contractId, code, occurrence, done);
    }
}
