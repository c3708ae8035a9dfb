package org.carespec.plugin.api.rules;

import java.util.List;
import org.carespec.plugin.api.JsonView;

/** What an action rule sees of an action someone is about to take. */
public interface ActionFacts {

    /** The action, one of {@link GuardedActions}. */
    String action();

    /** The action's own data (the service level asked for, the activity to record). */
    JsonView data();

    /** The contract's settings, defaults filled in. */
    JsonView settings();

    /**
     * The records of this plugin's type on file for the person the action concerns, under the contract the action is
     * taken on (never another contract's, even of the same module), newest first.
     */
    List<RecordOnFile> recordsOnFile(String typeCode);

    /** The referral the action concerns (an event, a service level, a plan), or empty for other actions. */
    default java.util.Optional<ReferralSnapshot> referral() {
        return java.util.Optional.empty();
    }
}
