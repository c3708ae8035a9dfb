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

    /** A record of the module's type was made for the referral (dated by its {@code recordedOn}). */
    record RecordCreated(String typeCode) implements Milestone {
        public RecordCreated {
            Objects.requireNonNull(typeCode, "typeCode");
        }
    }

    /** A record of the type, made for the referral, moved into a status of its lifecycle. */
    record RecordReached(String typeCode, String status) implements Milestone {
        public RecordReached {
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The day the referred person turns {@code years} (004: services end at the 18th birthday), from their date of
     * birth; never, when it is not known.
     */
    record Birthday(int years) implements Milestone {
    }

    /** An event the module declares ({@code ReferralEventDefinition}) was recorded for the referral. */
    record ModuleEvent(String code) implements Milestone {
        public ModuleEvent {
            Objects.requireNonNull(code, "code");
        }
    }

    static Milestone moduleEvent(String code) {
        return new ModuleEvent(code);
    }

    static Milestone birthday(int years) {
        return new Birthday(years);
    }

    static Milestone received() {
        return new Received();
    }

    static Milestone event(ReferralEventType type) {
        return new Event(type);
    }

    static Milestone recordCreated(String typeCode) {
        return new RecordCreated(typeCode);
    }

    static Milestone recordReached(String typeCode, String status) {
        return new RecordReached(typeCode, status);
    }
}
