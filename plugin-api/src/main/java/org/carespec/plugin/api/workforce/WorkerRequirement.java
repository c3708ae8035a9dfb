package org.carespec.plugin.api.workforce;

import java.util.Objects;
import java.util.Set;
import org.carespec.plugin.api.SpecReference;

/**
 * What a worker must hold before being assigned to work under a contract of this plugin. The platform refuses
 * the assignment with a clear reason when the credential is missing or out of date.
 *
 * @param activityTypes the activity types it applies to; empty means every activity
 * @param workerKinds   {@code STAFF}, {@code VOLUNTEER}; empty means every worker
 */
public record WorkerRequirement(String code, String title, SpecReference source, Set<String> activityTypes,
                                Set<String> workerKinds, Credential credential) {

    public WorkerRequirement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(credential, "credential");
        activityTypes = activityTypes == null ? Set.of() : Set.copyOf(activityTypes);
        workerKinds = workerKinds == null ? Set.of() : Set.copyOf(workerKinds);
    }
}
