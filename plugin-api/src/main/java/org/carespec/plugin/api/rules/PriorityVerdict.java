package org.carespec.plugin.api.rules;

import java.util.Objects;

/** A raised priority and why. */
public record PriorityVerdict(Priority priority, String reason) {

    public PriorityVerdict {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reason, "reason");
    }
}
