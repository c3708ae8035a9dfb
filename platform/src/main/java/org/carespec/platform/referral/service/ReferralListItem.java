package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.carespec.platform.referral.domain.ClockStatus;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.rules.Priority;

/** A line of the referrals list, with the next clock due. */
@Serdeable
public record ReferralListItem(UUID id, UUID contractId, UUID personId, String personName, OffsetDateTime receivedAt,
                               String source, ReferralStatus status, Priority priority, boolean eligible,
                               @Nullable NextClock nextClock) {

    @Serdeable
    public record NextClock(String code, LocalDate dueDate, ClockStatus status) {
    }
}
