package org.carespec.platform.activity.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An activity or contact with a person: a phone call, a visit, a meeting, a break, signposting, or a referral out to
 * another agency (both of which name the agency), or a type from the module's activity list. {@code workerId} is the
 * staff member or volunteer who did it; {@code data} holds what a module counts (a break's type and hours).
 */
@Serdeable
public record ActivityCommand(@NotNull UUID personId, @Nullable UUID referralId,
                              @NotBlank @Size(max = 64) String type,
                              @NotNull @PastOrPresent LocalDate occurredOn,
                              @Nullable @Min(0) @Max(1440) Integer durationMinutes,
                              @Nullable UUID workerId,
                              @Nullable @Size(max = 200) String agency,
                              @Nullable @Size(max = 4000) String notes,
                              @Nullable Map<String, Object> data) {
}
