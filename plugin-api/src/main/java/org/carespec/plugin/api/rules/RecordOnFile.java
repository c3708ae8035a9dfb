package org.carespec.plugin.api.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.carespec.plugin.api.JsonView;

/**
 * A record of the module already on file for the person an action concerns, as a rule sees it.
 *
 * @param status {@code null} for a record type without a lifecycle
 */
public record RecordOnFile(String typeCode, int typeVersion, String status, LocalDate recordedOn, Instant createdAt,
                           JsonView data) {
}
