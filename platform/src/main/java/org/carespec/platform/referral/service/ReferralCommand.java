package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new referral. {@code receivedAt} is an ISO date-time; without an offset it is read as Europe/London time.
 * {@code source} is a code of the module's referral-source list; {@code data} must satisfy the module's referral form
 * for that source; {@code relatedPersonIds} names other people on the referral (the person cared for).
 */
@Serdeable
public record ReferralCommand(@NotNull UUID personId,
                              @NotBlank @Size(max = 40) String receivedAt,
                              @NotBlank @Size(max = 64) String source,
                              @Nullable @Size(max = 10) List<@NotNull UUID> relatedPersonIds,
                              @Nullable Map<String, Object> data) {
}
