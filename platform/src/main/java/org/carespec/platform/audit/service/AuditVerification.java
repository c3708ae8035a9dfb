package org.carespec.platform.audit.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of checking a tenant's audit chain. When {@code intact} is false, {@code firstProblem} says which
 * event was altered, removed or reordered, or that an event is missing from the chain.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long eventsChecked, long chainLength, @Nullable Problem firstProblem) {

    public enum Kind { ALTERED, REMOVED, REORDERED, UNSEALED }

    @Serdeable
    public record Problem(Kind kind, @Nullable Long seq, @Nullable Long eventId, String detail) {
    }
}
