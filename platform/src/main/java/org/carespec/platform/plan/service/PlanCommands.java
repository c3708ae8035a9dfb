package org.carespec.platform.plan.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plans with goals, agreed with the person; reviews record progress per goal. */
public final class PlanCommands {

    private PlanCommands() {
    }

    /**
     * {@code reviewMonths} defaults to the contract's review cycle ({@code planReviewMonths}) or six months; a plan
     * may ask to be reviewed more often than the contract, never less often (the shorter interval wins).
     */
    @Serdeable
    public record NewPlan(@NotNull @PastOrPresent LocalDate agreedOn, @Nullable @Min(1) @Max(24) Integer reviewMonths,
                          @NotEmpty @Size(max = 20) List<@Valid @NotNull Goal> goals) {
    }

    @Serdeable
    public record Goal(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 2000) String detail) {
    }

    @Serdeable
    public record Review(@NotNull @PastOrPresent LocalDate reviewedOn, @Nullable @Size(max = 4000) String notes,
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull GoalProgress> goals) {
    }

    @Serdeable
    public record GoalProgress(@NotNull UUID goalId, @NotNull Progress progress,
                               @Nullable @Size(max = 1000) String comment) {
    }

    public enum Progress { NOT_STARTED, SOME_PROGRESS, GOOD_PROGRESS, ACHIEVED, NO_LONGER_RELEVANT }
}
