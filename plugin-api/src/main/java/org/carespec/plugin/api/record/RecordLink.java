package org.carespec.plugin.api.record;

import java.util.Objects;

/**
 * A named link from a record to another record of the same contract (an award to its application, an action to
 * the meeting that agreed it). The record's body names the linked record's id under {@code links.<name>}.
 *
 * @param name       lower-case words joined by hyphens, unique within the record type
 * @param targetType the code of the record type linked to, declared by the same module
 * @param required   whether every record of the type must carry the link
 */
public record RecordLink(String name, String targetType, boolean required) {

    public RecordLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetType, "targetType");
    }

    public static RecordLink required(String name, String targetType) {
        return new RecordLink(name, targetType, true);
    }

    public static RecordLink optional(String name, String targetType) {
        return new RecordLink(name, targetType, false);
    }
}
