package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.referral.domain.ClockStatus;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.rules.Priority;

/** A referral with its assessment, clocks and history, as the provider's staff see it. */
@Serdeable
public record ReferralView(UUID id, UUID contractId, UUID personId, List<RelatedPerson> relatedPersons,
                           OffsetDateTime receivedAt, String source, ReferralStatus status, Priority priority,
                           Eligibility eligibility, List<Finding> priorityReasons, @Nullable String serviceLevel,
                           @Nullable BigDecimal serviceHoursPerWeek, List<Clock> clocks, @Nullable String formCode,
                           @Nullable Integer formVersion,
                           Map<String, Object> data, @Nullable String declineReason, @Nullable Closure closure,
                           @Nullable LocalDate endedOn,
                           List<Event> events, List<ModuleEvent> moduleEvents, Instant createdAt) {

    /** An event the module declares beside the platform's (it never changes the status). */
    @Serdeable
    public record ModuleEvent(UUID id, String code, String title, OffsetDateTime occurredAt, @Nullable String note,
                              String recordedBy) {
    }

    @Serdeable
    public record RelatedPerson(UUID personId, String relationship) {
    }

    /** Eligible or not, with each failed rule's reason; flags are for the practitioner to act on. */
    @Serdeable
    public record Eligibility(boolean eligible, List<Finding> reasons, List<Finding> flags) {

        /** A referral whose verdict was stored without findings (before they were kept) has none, not null. */
        public Eligibility {
            reasons = reasons == null ? List.of() : reasons;
            flags = flags == null ? List.of() : flags;
        }
    }

    @Serdeable
    public record Clock(String code, String title, String source, ClockStatus status, @Nullable Integer cycle,
                        @Nullable LocalDate startedOn, @Nullable LocalDate dueDate, @Nullable LocalDate metAt,
                        @Nullable LocalDate stoppedOn) {
    }

    @Serdeable
    public record Closure(@Schema(implementation = ReferralEventCommand.Result.class) String result,
                          @Nullable String reason, @Nullable String destination) {
    }

    @Serdeable
    public record Event(UUID id, ReferralEventType type, OffsetDateTime occurredAt, @Nullable String reason,
                        @Nullable String note,
                        String recordedBy) {
    }
}
