package org.carespec.plugin.api.rules;

import java.util.List;
import java.util.Objects;
import org.carespec.plugin.api.JsonView;

/**
 * The referral an action concerns, as an action rule sees it: its status, the latest eligibility verdict and
 * priority, its source, the types of its events so far in the order they happened, and its form's plain data.
 */
public record ReferralSnapshot(String status, boolean eligible, Priority priority, String source, List<String> events,
                               JsonView data) {

    public ReferralSnapshot {
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
    }
}
