package org.carespec.platform.audit.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of checking a tenant's audit chain. When {@code intact} is false, {@code firstProblem} says which
 * event was altered, removed or reordered, or that an event is missing from the chain.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long eventsChecked, long chainLength, Problem firstProblem) {

    public enum Kind { ALTERED, REMOVED, REORDERED, UNSEALED }

    @Serdeable
    public record Problem(Kind kind, Long seq, Long eventId, String detail) {
    }
}
