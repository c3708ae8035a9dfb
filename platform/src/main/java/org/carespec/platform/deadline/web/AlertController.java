package org.carespec.platform.deadline.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carespec.platform.deadline.service.AlertView;
import org.carespec.platform.deadline.service.DeadlineAlerts;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** What is due and overdue across the caller's contracts, as the deadline watch found it. */
@Tag(name = "alerts")
@ProblemResponses.SignedIn
@Controller("/api/v1/alerts")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class AlertController {

    private final DeadlineAlerts alerts;

    public AlertController(DeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    /** {@code ?open=false} includes resolved alerts. */
    @Operation(operationId = "listAlerts", summary = "List deadline alerts")
    @Get
    public Page<AlertView> list(@QueryValue @Nullable Boolean open, @QueryValue @Nullable Integer page,
                                @QueryValue @Nullable Integer size) {
        return alerts.list(open == null || open, PageRequest.of(page, size));
    }
}
