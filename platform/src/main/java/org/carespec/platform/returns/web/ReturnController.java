package org.carespec.platform.returns.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.returns.service.ReturnCommands;
import org.carespec.platform.returns.service.ReturnExport;
import org.carespec.platform.returns.service.ReturnExports;
import org.carespec.platform.returns.service.ReturnService;
import org.carespec.platform.returns.service.ReturnView;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/**
 * Performance returns of a contract: read by its provider's manager, its commissioner and tenant administrators;
 * written and submitted by the provider's manager; approved or sent back by the commissioner.
 */
@Tag(name = "returns")
@ProblemResponses.SignedIn
@Controller("/api/v1/contracts/{contractId}/returns/{period}")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class ReturnController {

    private final ReturnService returns;
    private final ReturnExports exports;

    public ReturnController(ReturnService returns, ReturnExports exports) {
        this.returns = returns;
        this.exports = exports;
    }

    /** The return for a period such as {@code 2027-28-Q3} or {@code 2027-28}; a draft is computed live. */
    @Operation(operationId = "getReturn", summary = "Read a return")
    @ProblemResponses.NotFound
    @Get
    public ReturnView get(UUID contractId, String period) {
        return returns.get(contractId, period);
    }

    /**
     * The return as a file: {@code format=csv|xlsx|pdf}, or by content negotiation on {@code Accept}
     * ({@code text/csv}, the XLSX media type, {@code application/pdf}); a browser's {@code *}{@code /*} gets CSV.
     */
    @Operation(operationId = "exportReturn", summary = "Export a return as CSV, XLSX or PDF")
    @ProblemResponses.NotFound
    @Get("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf",
        "application/json", "application/problem+json"})
    public HttpResponse<byte[]> export(UUID contractId, String period, @QueryValue @Nullable String format,
                                       @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        ReturnExports.ExportFile file = exports.export(contractId, period, format(format, accept));
        return HttpResponse.ok(file.bytes()).contentType(file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
    }

    static ReturnExport.Format format(String format, String accept) {
        if (format != null) {
            for (ReturnExport.Format f : ReturnExport.Format.values()) {
                if (f.extension.equalsIgnoreCase(format)) {
                    return f;
                }
            }
            throw InvalidRequestException.of("format", "must be csv, xlsx or pdf");
        }
        if (accept == null || accept.isBlank() || accept.contains("*/*")) {
            return ReturnExport.Format.CSV;
        }
        for (ReturnExport.Format f : ReturnExport.Format.values()) {
            if (accept.contains(f.mediaType)) {
                return f;
            }
        }
        throw InvalidRequestException.of("format", "give format=csv, xlsx or pdf, or Accept one of text/csv, "
                + ReturnExport.Format.XLSX.mediaType + ", application/pdf");
    }

    @Operation(operationId = "writeReturnNarrative", summary = "Write a return line's narrative")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/narratives")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView narrative(UUID contractId, String period, @Body @Valid ReturnCommands.Narrative narrative) {
        return returns.writeNarrative(contractId, period, narrative);
    }

    @Operation(operationId = "adjustReturnLine", summary = "Adjust a return line")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/adjustments")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView adjustment(UUID contractId, String period, @Body @Valid ReturnCommands.Adjustment adjustment) {
        return returns.adjust(contractId, period, adjustment);
    }

    @Operation(operationId = "submitReturn", summary = "Submit a return")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/submit")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public ReturnView submit(UUID contractId, String period) {
        return returns.submit(contractId, period);
    }

    @Operation(operationId = "approveReturn", summary = "Approve a submitted return")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/approve")
    @Secured(RoleNames.COMMISSIONER)
    public ReturnView approve(UUID contractId, String period) {
        return returns.approve(contractId, period);
    }

    @Operation(operationId = "sendBackReturn", summary = "Send a submitted return back")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/send-back")
    @Secured(RoleNames.COMMISSIONER)
    public ReturnView sendBack(UUID contractId, String period, @Body @Valid ReturnCommands.SendBack sendBack) {
        return returns.sendBack(contractId, period, sendBack.comment());
    }
}
