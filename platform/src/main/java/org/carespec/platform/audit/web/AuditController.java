package org.carespec.platform.audit.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.carespec.platform.audit.service.AuditEventView;
import org.carespec.platform.audit.service.AuditEvents;
import org.carespec.platform.audit.service.AuditVerification;
import org.carespec.platform.audit.service.AuditVerifier;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/**
 * The tenant's audit trail: verified by its administrators; read by them (values of the records administrators keep,
 * field names only for the rest) and by each provider's manager (its own staff's events, in full).
 */
@Tag(name = "audit")
@ProblemResponses.SignedIn
@Controller("/api/v1/audit")
@Secured({RoleNames.TENANT_ADMIN, RoleNames.PROVIDER_MANAGER})
public class AuditController {

    private final AuditVerifier verifier;
    private final CallerContext callers;
    private final AuditEvents events;

    public AuditController(AuditVerifier verifier, CallerContext callers, AuditEvents events) {
        this.verifier = verifier;
        this.callers = callers;
        this.events = events;
    }

    /** Checks the whole chain: {@code {"intact": true, …}} or the first event altered, removed or reordered. */
    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain")
    @Secured(RoleNames.TENANT_ADMIN)
    @Get("/verify")
    public AuditVerification verify() {
        return verifier.verify(callers.require().requireTenant());
    }

    /**
     * Audit events the caller may read, newest first, optionally for one entity ({@code person}) or one record. The
     * read is itself recorded ({@code read} of {@code audit_event}).
     */
    @Operation(operationId = "listAuditEvents", summary = "List audit events")
    @Get("/events")
    public Page<AuditEventView> events(@QueryValue @Nullable @Size(max = 100) String entity,
                                       @QueryValue @Nullable @Size(max = 100) String entityId,
                                       @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return events.list(entity, entityId, PageRequest.of(page, size));
    }
}
