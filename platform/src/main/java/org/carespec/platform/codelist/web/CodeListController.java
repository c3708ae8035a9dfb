package org.carespec.platform.codelist.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.carespec.platform.codelist.service.CodeListView;
import org.carespec.platform.codelist.service.ContractCodes;
import org.carespec.platform.codelist.service.LocalCodeCommand;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** A module's code lists as a contract uses them, and the contract's own local entries. */
@Tag(name = "contracts")
@ProblemResponses.SignedIn
@Controller("/api/v1/contracts/{contractId}/code-lists")
public class CodeListController {

    private final ContractCodes codes;

    public CodeListController(ContractCodes codes) {
        this.codes = codes;
    }

    @Operation(operationId = "getContractCodeList", summary = "Read a code list as the contract uses it")
    @ProblemResponses.NotFound
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER, RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER,
            RoleNames.VOLUNTEER})
    @Get("/{listCode}")
    public CodeListView get(UUID contractId, @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String listCode) {
        return codes.list(contractId, listCode);
    }

    @Operation(operationId = "addLocalCode", summary = "Add a contract's local entry to a code list")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Secured({RoleNames.TENANT_ADMIN, RoleNames.COMMISSIONER})
    @Post("/{listCode}/codes")
    public CodeListView add(UUID contractId, @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$") String listCode,
                            @Body @Valid LocalCodeCommand command) {
        return codes.addLocal(contractId, listCode, command);
    }
}
