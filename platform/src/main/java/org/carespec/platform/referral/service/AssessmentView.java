package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.carespec.plugin.api.rules.Priority;

/** One verdict of the module's rules on a referral: when, by whom, why it was run, and what it found. */
@Serdeable
public record AssessmentView(int seq, Instant assessedAt, @Nullable String assessedBy, String reason,
                             boolean eligible, Priority priority, Assessment assessment) {
}
