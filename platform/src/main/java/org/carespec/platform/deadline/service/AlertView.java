package org.carespec.platform.deadline.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something the deadline watch raised about a contract: a return opened ({@code RETURN_OPEN}), a return overdue
 * ({@code RETURN_OVERDUE}) or an obligation overdue ({@code OBLIGATION_OVERDUE}). {@code subject} is the period,
 * or {@code code/occurrence} for an obligation; {@code resolvedAt} is set once it was dealt with.
 */
@Serdeable
public record AlertView(UUID id, UUID contractId, String contractReference,
                        @Schema(allowableValues = {"RETURN_OPEN", "RETURN_OVERDUE", "OBLIGATION_OVERDUE"}) String kind,
                        String subject,
                        String title, LocalDate dueOn, OffsetDateTime raisedAt, @Nullable OffsetDateTime resolvedAt) {
}
