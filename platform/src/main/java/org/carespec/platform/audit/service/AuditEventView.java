package org.carespec.platform.audit.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One audit event: who did what to which record, when; the row before and after when the reader may see its values
 * ({@link org.carespec.platform.audit.domain.AuditVisibility}), otherwise {@code changedFields} alone.
 */
@Serdeable
public record AuditEventView(long id, Instant occurredAt, String actor, @Nullable UUID actorOrganisationId,
                             String action,
                             String entity, @Nullable String entityId, @Nullable Map<String, Object> before,
                             @Nullable Map<String, Object> after,
                             @Nullable String requestId,
                             @Schema(description = "The fields the event wrote or changed, by name")
                             List<String> changedFields) {

    /** The names of the fields an event wrote (an insert), removed (a delete) or changed (an update). */
    public static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        if (before == null || after == null) {
            Map<String, Object> only = before == null ? after : before;
            if (only != null) {
                names.addAll(only.keySet());
            }
        } else {
            after.forEach((k, v) -> {
                if (!java.util.Objects.equals(v, before.get(k))) {
                    names.add(k);
                }
            });
            before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(names::add);
        }
        return List.copyOf(names);
    }
}
