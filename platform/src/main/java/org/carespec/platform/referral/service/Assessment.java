package org.carespec.platform.referral.service;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.carespec.plugin.api.rules.Priority;

/**
 * What the module's rules made of a new referral: whether it is eligible and why not, flags a practitioner must act
 * on, and its priority with the grounds for it. The referral is never declined automatically: a person decides.
 */
@Serdeable
public record Assessment(boolean eligible, List<Finding> reasons, List<Finding> flags, Priority priority,
                         List<Finding> priorityReasons) {
}
