package org.carespec.platform.form.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A filled-in form about a person (an assessment, a record), optionally part of a referral. */
@Serdeable
public record FormSubmissionCommand(@NotNull UUID personId, @Nullable UUID referralId,
                                    @Nullable @PastOrPresent LocalDate submittedOn,
                                    @NotNull Map<String, Object> data) {
}
