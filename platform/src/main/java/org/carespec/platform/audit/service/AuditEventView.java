package org.carespec.platform.audit.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit event: who did what to which record, when, with the row before and after. */
@Serdeable
public record AuditEventView(long id, Instant occurredAt, String actor, @Nullable UUID actorOrganisationId,
                             String action,
                             String entity, @Nullable String entityId, @Nullable Map<String, Object> before,
                             @Nullable Map<String, Object> after,
                             @Nullable String requestId) {
}
