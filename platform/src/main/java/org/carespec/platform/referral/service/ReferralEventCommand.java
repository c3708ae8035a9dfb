package org.carespec.platform.referral.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carespec.plugin.api.ReferralEventType;

/**
 * Something that happened to a referral. DECLINED needs a {@code reason} from the module's decline reasons and the
 * full written reason in {@code note}; CLOSED needs an {@code outcome}. {@code occurredAt} defaults
 * to now.
 */
@Serdeable
public record ReferralEventCommand(@NotNull ReferralEventType type,
                                   @Nullable @Size(max = 40) String occurredAt,
                                   @Nullable @Size(max = 64) String reason,
                                   @Nullable @Size(max = 4000) String note,
                                   @Nullable @Valid Outcome outcome) {

    /**
     * How a referral ended: goals met; left before meeting them ({@code reason} from the module's leaving reasons);
     * moved on ({@code destination} from its moving-on destinations: employment, volunteering, learning…); or
     * withdrawn before its service started (the person chose not to take it up, or could not be contacted;
     * {@code reason} from the leaving reasons), which is neither a decline nor leaving a plan.
     */
    @Serdeable
    public record Outcome(@NotNull Result result, @Nullable @Size(max = 64) String reason,
                          @Nullable @Size(max = 64) String destination) {
    }

    public enum Result { GOALS_MET, LEFT_BEFORE_GOALS_MET, MOVED_ON, WITHDRAWN }
}
