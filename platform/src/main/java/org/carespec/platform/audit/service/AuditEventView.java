package org.carespec.platform.audit.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit event: who did what to which record, when, with the row before and after. */
@Serdeable
public record AuditEventView(long id, Instant occurredAt, String actor, UUID actorOrganisationId, String action,
                             String entity, String entityId, Map<String, Object> before, Map<String, Object> after,
                             String requestId) {
}
