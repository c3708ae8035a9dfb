package org.carespec.platform.person.domain;

/** How two people are related, read from the first to the second. */
public enum RelationshipKind {
    /** The first person cares for the second. */
    CARER_OF,
    /** The first person is a parent or guardian of the second. */
    PARENT_OF,
    /** The second person is the first person's next of kin. */
    NEXT_OF_KIN
}
