package org.carespec.platform.plan.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan, its goals with their latest progress, its reviews and when the next review is due. */
@Serdeable
public record PlanView(UUID id, UUID referralId, UUID personId, LocalDate agreedOn, int reviewMonths,
                       LocalDate nextReviewOn, List<GoalView> goals, List<ReviewView> reviews) {

    @Serdeable
    public record GoalView(UUID id, String title, @Nullable String detail, @Nullable String latestProgress) {
    }

    @Serdeable
    public record ReviewView(UUID id, LocalDate reviewedOn, @Nullable String notes,
                             List<PlanCommands.GoalProgress> goals) {
    }
}
