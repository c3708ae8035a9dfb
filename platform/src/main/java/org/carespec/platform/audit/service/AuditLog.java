package org.carespec.platform.audit.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.UUID;
import org.carespec.platform.database.Sql;

/**
 * What the application itself writes to the audit log: reads of records about a person (writes are caught by the
 * database trigger, for every table, plugins' included). It joins the caller's transaction, so the read is
 * recorded if and only if the data was served.
 */
@Singleton
public class AuditLog {

    private final Sql sql;

    public AuditLog(Sql sql) {
        this.sql = sql;
    }

    /** Records that the caller read a record about a person, e.g. {@code recordRead("person", id)}. */
    @Transactional
    public void recordRead(String entity, UUID id) {
        record("read", entity, id.toString(), null);
    }

    /** Records an action that changes no row, with a short JSON detail (an export, a letter printed). */
    @Transactional
    public void record(String action, String entity, String entityId, String detailJson) {
        sql.update("""
                insert into audit_event (tenant_id, actor, actor_org_id, action, entity, entity_id, after, request_id)
                values (carespec_current_tenant(), nullif(current_setting('app.actor', true), ''),
                        nullif(current_setting('app.org_id', true), '')::uuid, ?, ?, ?, cast(? as jsonb),
                        nullif(current_setting('app.request_id', true), ''))""",
                Arrays.asList(action, entity, entityId, detailJson));
    }
}
