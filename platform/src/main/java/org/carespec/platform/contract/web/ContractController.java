package org.carespec.platform.contract.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.contract.service.ContractChange;
import org.carespec.platform.contract.service.ContractCommand;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.contract.service.ContractView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Contracts: administrators write; commissioners and providers read their own. */
@Tag(name = "contracts")
@ProblemResponses.SignedIn
@Controller("/api/v1/contracts")
public class ContractController {

    private final ContractService contracts;

    public ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Operation(operationId = "createContract", summary = "Create a contract")
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true,
            description = "The contract; annualValuePence is in pence; settings follow the module's settings schema "
                    + "(GET /api/v1/modules/{id}).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "block contract",
                    summary = "A block contract; settings follow the module's settings schema",
                    value = """
                    {
                      "moduleId": "a-module",
                      "reference": "CON-2026-001",
                      "title": "Support for carers",
                      "commissionerId": "01a22f8f-054e-77c4-a95f-84621eb6d968",
                      "providerId": "01a22f8f-0550-7a10-9a3c-6f1de0d0f001",
                      "startDate": "2026-04-01",
                      "endDate": "2029-03-31",
                      "annualValuePence": 25000000,
                      "basis": "BLOCK",
                      "outcomeDomains": [
                        1,
                        3
                      ],
                      "settings": {},
                      "contractManagerName": "Jo Bloggs",
                      "contractManagerEmail": "jo.bloggs@example.gov.uk"
                    }""")}))
    @Post
    @Secured(RoleNames.TENANT_ADMIN)
    public HttpResponse<ContractView> create(@Body @Valid ContractCommand command) {
        ContractView contract = contracts.create(command);
        return HttpResponse.created(contract, URI.create("/api/v1/contracts/" + contract.id()));
    }

    @Operation(operationId = "updateContract", summary = "Change a contract")
    @ProblemResponses.NotFound
    @Patch("/{id}")
    @Secured(RoleNames.TENANT_ADMIN)
    public ContractView update(UUID id, @Body @Valid ContractChange patch) {
        return contracts.update(id, patch);
    }

    @Operation(operationId = "listContracts", summary = "List contracts")
    @Get
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER,
            RoleNames.VOLUNTEER})
    public Page<ContractView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return contracts.list(PageRequest.of(page, size));
    }

    @Operation(operationId = "getContract", summary = "Read a contract")
    @ProblemResponses.NotFound
    @Get("/{id}")
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER,
            RoleNames.VOLUNTEER})
    public ContractView get(UUID id) {
        return contracts.get(id);
    }
}
