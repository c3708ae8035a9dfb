package org.carespec.platform.audit.service;

import jakarta.inject.Singleton;
import io.micronaut.transaction.annotation.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.database.Sql;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;

/** The tenant's audit trail as its administrators read it: newest first, filtered by entity or record. */
@Singleton
public class AuditEvents {

    private final Sql sql;

    public AuditEvents(Sql sql) {
        this.sql = sql;
    }

    /** Events of the caller's tenant, optionally of one entity ({@code person}) or one record. */
    @Transactional
    public Page<AuditEventView> list(String entity, String entityId, PageRequest page) {
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
        return sql.page("select count(*) from audit_event" + where, "select id, occurred_at, actor, actor_org_id,"
                + " action, entity, entity_id, before::text as before, after::text as after, request_id from audit_event"
                + where + " order by id desc", parameters, page, rs -> new AuditEventView(rs.getLong("id"),
                Sql.instant(rs, "occurred_at"), rs.getString("actor"), Sql.uuid(rs, "actor_org_id"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                rs.getString("before") == null ? null : Json.toMap(rs.getString("before")),
                rs.getString("after") == null ? null : Json.toMap(rs.getString("after")),
                rs.getString("request_id")));
    }
}
