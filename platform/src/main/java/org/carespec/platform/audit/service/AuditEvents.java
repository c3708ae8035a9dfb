package org.carespec.platform.audit.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.audit.domain.AuditVisibility;
import org.carespec.platform.database.Sql;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * The tenant's audit trail as its readers may see it: newest first, filtered by entity or record. A provider's
 * manager reads the events its own staff caused; a tenant administrator reads every event, with values only where
 * {@link AuditVisibility} allows. Every read of the trail is itself recorded.
 */
@Singleton
public class AuditEvents {

    private final Sql sql;
    private final CallerContext callers;
    private final AuditLog log;

    public AuditEvents(Sql sql, CallerContext callers, AuditLog log) {
        this.sql = sql;
        this.callers = callers;
        this.log = log;
    }

    /** Events of the caller's tenant the caller may read, optionally of one entity ({@code person}) or record. */
    @Transactional
    public Page<AuditEventView> list(String entity, String entityId, PageRequest page) {
        Caller caller = callers.require();
        StringBuilder where = new StringBuilder(" where tenant_id = carespec_current_tenant()");
        List<Object> parameters = new ArrayList<>();
        if (!caller.has(Role.TENANT_ADMIN)) {
            where.append(" and actor_org_id = ?");
            parameters.add(caller.requireOrganisation());
        }
        if (entity != null) {
            where.append(" and entity = ?");
            parameters.add(entity);
        }
        if (entityId != null) {
            where.append(" and entity_id = ?");
            parameters.add(entityId);
        }
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("entity", entity);
        asked.put("entityId", entityId);
        asked.put("page", page.page());
        log.record("read", "audit_event", null, Json.write(asked));
        return sql.page("select count(*) from audit_event" + where, "select id, occurred_at, actor, actor_org_id,"
                + " action, entity, entity_id, before::text as before, after::text as after, request_id from audit_event"
                + where + " order by id desc", parameters, page, rs -> view(caller, rs));
    }

    private static AuditEventView view(Caller caller, ResultSet rs) throws SQLException {
        Map<String, Object> before = rs.getString("before") == null ? null : Json.toMap(rs.getString("before"));
        Map<String, Object> after = rs.getString("after") == null ? null : Json.toMap(rs.getString("after"));
        UUID actorOrganisation = Sql.uuid(rs, "actor_org_id");
        String entity = rs.getString("entity");
        boolean values = AuditVisibility.showsValues(caller.roles(), caller.organisationId(), entity,
                actorOrganisation);
        return new AuditEventView(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                actorOrganisation, rs.getString("action"), entity, rs.getString("entity_id"),
                values ? before : null, values ? after : null, rs.getString("request_id"),
                AuditEventView.changed(before, after));
    }
}
