package org.carespec.plugin.api.clock;

import java.util.Objects;
import org.carespec.plugin.api.ReferralEventType;

/** Something that happens to a referral and can start or stop a clock. */
public sealed interface Milestone {

    /** The referral was received ({@code receivedAt}). */
    record Received() implements Milestone {
    }

    /** A lifecycle event was recorded. */
    record Event(ReferralEventType type) implements Milestone {
        public Event {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A form of the plugin was submitted for the referral. */
    record FormSubmitted(String formCode) implements Milestone {
        public FormSubmitted {
            Objects.requireNonNull(formCode, "formCode");
        }
    }

    static Milestone received() {
        return new Received();
    }

    static Milestone event(ReferralEventType type) {
        return new Event(type);
    }

    static Milestone formSubmitted(String formCode) {
        return new FormSubmitted(formCode);
    }
}
