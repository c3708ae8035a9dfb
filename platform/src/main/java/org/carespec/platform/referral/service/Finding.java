package org.carespec.platform.referral.service;

import io.micronaut.serde.annotation.Serdeable;

/** One reason a rule gave, with the rule's code and the section of the specification it comes from. */
@Serdeable
public record Finding(String rule, String source, String reason) {
}
