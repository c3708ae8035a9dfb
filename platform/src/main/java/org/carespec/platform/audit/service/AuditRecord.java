package org.carespec.platform.audit.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One audit event as read back for sealing and verification, with its canonical form. */
record AuditRecord(String tenantId, long id, OffsetDateTime occurredAt, String actor, String actorOrgId,
                   String action, String entity, String entityId, String before, String after, String requestId) {

    /** The columns {@link #read} expects, from {@code audit_event e}. */
    static final String COLUMNS = "e.tenant_id::text as e_tenant, e.id as e_id, e.occurred_at as e_at, e.actor as e_actor,"
            + " e.actor_org_id::text as e_org, e.action as e_action, e.entity as e_entity, e.entity_id as e_entity_id,"
            + " e.before::text as e_before, e.after::text as e_after, e.request_id as e_request";

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getString("e_tenant"), rs.getLong("e_id"), rs.getObject("e_at", OffsetDateTime.class),
                rs.getString("e_actor"), rs.getString("e_org"), rs.getString("e_action"), rs.getString("e_entity"),
                rs.getString("e_entity_id"), rs.getString("e_before"), rs.getString("e_after"),
                rs.getString("e_request"));
    }

    /** Every field, length-prefixed so that no two different events share a canonical form. */
    String canonical() {
        StringBuilder s = new StringBuilder(256);
        long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, occurredAt.toInstant());
        for (String field : new String[] {tenantId, Long.toString(id), Long.toString(micros), actor, actorOrgId, action,
                entity, entityId, before, after, requestId}) {
            if (field == null) {
                s.append("-1:");
            } else {
                s.append(field.length()).append(':').append(field);
            }
            s.append('|');
        }
        return s.toString();
    }
}
