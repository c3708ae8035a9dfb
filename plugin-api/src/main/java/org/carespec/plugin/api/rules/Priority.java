package org.carespec.plugin.api.rules;

/** How soon a referral should be seen, lowest first. */
public enum Priority {
    ROUTINE,
    HIGH,
    URGENT
}
