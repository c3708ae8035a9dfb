package org.carespec.platform.returns.domain;

/**
 * Where a return stands. DRAFT until first submitted; each submission is a version, SUBMITTED until the contract's
 * commissioner APPROVES it or sends it back (RETURNED), after which the next version is drafted.
 */
public enum ReturnStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    /** Whether a version in this status stands for its period (submitted and not sent back). */
    public boolean stands() {
        return this == SUBMITTED || this == APPROVED;
    }
}
