package org.carespec.platform.audit.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.audit.service.AuditEventView;
import org.carespec.platform.audit.service.AuditVerification;
import org.carespec.platform.audit.service.AuditVerifier;
import org.carespec.platform.database.Sql;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.RoleNames;

/** The tenant's audit trail, for its administrators. */
@Controller("/api/v1/audit")
@Secured(RoleNames.TENANT_ADMIN)
public class AuditController {

    private final AuditVerifier verifier;
    private final CallerContext callers;
    private final Sql sql;

    public AuditController(AuditVerifier verifier, CallerContext callers, Sql sql) {
        this.verifier = verifier;
        this.callers = callers;
        this.sql = sql;
    }

    /** Checks the whole chain: {@code {"intact": true, …}} or the first event altered, removed or reordered. */
    @Get("/verify")
    public AuditVerification verify() {
        return verifier.verify(callers.require().tenant());
    }

    /** Audit events, newest first, optionally for one entity ({@code person}) or one record. */
    @Get("/events")
    @Transactional
    public Page<AuditEventView> events(@QueryValue @Nullable @Size(max = 100) String entity,
                                       @QueryValue @Nullable @Size(max = 100) String entityId,
                                       @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        PageRequest request = PageRequest.of(page, size);
        StringBuilder where = new StringBuilder(" where tenant_id = carespec_current_tenant()");
        List<Object> parameters = new ArrayList<>();
        if (entity != null) {
            where.append(" and entity = ?");
            parameters.add(entity);
        }
        if (entityId != null) {
            where.append(" and entity_id = ?");
            parameters.add(entityId);
        }
        long total = sql.count("select count(*) from audit_event" + where, parameters);
        parameters.add(request.size());
        parameters.add(request.offset());
        List<AuditEventView> items = sql.list("select id, occurred_at, actor, actor_org_id, action, entity, entity_id,"
                + " before::text as before, after::text as after, request_id from audit_event" + where
                + " order by id desc limit ? offset ?", parameters, rs -> new AuditEventView(rs.getLong("id"),
                Sql.instant(rs, "occurred_at"), rs.getString("actor"), Sql.uuid(rs, "actor_org_id"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                rs.getString("before") == null ? null : Json.toMap(rs.getString("before")),
                rs.getString("after") == null ? null : Json.toMap(rs.getString("after")),
                rs.getString("request_id")));
        return new Page<>(items, request.page(), request.size(), total);
    }
}
