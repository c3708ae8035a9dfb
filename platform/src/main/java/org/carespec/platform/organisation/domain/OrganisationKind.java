package org.carespec.platform.organisation.domain;

/** Whether an organisation commissions services or provides them. */
public enum OrganisationKind {
    COMMISSIONER,
    PROVIDER
}
