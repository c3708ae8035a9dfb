package org.carespec.platform.returns.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.returns.service.ReturnOverview;
import org.carespec.platform.returns.service.ReturnSummary;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** Returns across contracts and over time, for commissioners above all. */
@Tag(name = "returns")
@ProblemResponses.SignedIn
@Controller("/api/v1")
@Secured({RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN, RoleNames.PROVIDER_MANAGER})
public class ReturnOverviewController {

    private final ReturnOverview overview;

    public ReturnOverviewController(ReturnOverview overview) {
        this.overview = overview;
    }

    /** Every contract the caller holds that runs during the period, and where its return stands. */
    @Operation(operationId = "listReturnsForPeriod", summary = "List every contract's return for a period")
    @Get("/returns")
    public Page<ReturnSummary.Item> period(@QueryValue @NotBlank String period, @QueryValue @Nullable Integer page,
                                           @QueryValue @Nullable Integer size) {
        return Page.slice(overview.period(period), PageRequest.of(page, size));
    }

    /** A KPI of one contract across periods ({@code from}, {@code to}: default the last four ended quarters). */
    @Operation(operationId = "getKpiSeries", summary = "Read a KPI's quarterly series")
    @ProblemResponses.NotFound
    @Get("/contracts/{contractId}/kpis/{code}/series")
    public ReturnSummary.Series series(UUID contractId,
                                       @Pattern(regexp = "^[A-Za-z0-9_-]{1,32}$", message = "must be a KPI code")
                                       String code,
                                       @QueryValue @Nullable String from,
                                       @QueryValue @Nullable String to) {
        return overview.series(contractId, code, from, to);
    }

    /** The same KPI for every contract of a module the caller may see, for one period. */
    @Operation(operationId = "compareProviders", summary = "Compare providers on a KPI")
    @ProblemResponses.NotFound
    @Get("/modules/{moduleId}/kpis/{code}/comparison")
    public ReturnSummary.Comparison compare(String moduleId,
                                            @Pattern(regexp = "^[A-Za-z0-9_-]{1,32}$", message = "must be a KPI code")
                                            String code,
                                            @QueryValue @NotBlank String period) {
        return overview.compare(moduleId, code, period);
    }
}
