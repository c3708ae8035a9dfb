package org.carespec.plugin.api.rules;

import java.time.Instant;
import org.carespec.plugin.api.JsonView;

/** A form already on record for a person, as an action rule sees it. */
public record SubmittedForm(String formCode, int formVersion, Instant submittedAt, JsonView data) {
}
