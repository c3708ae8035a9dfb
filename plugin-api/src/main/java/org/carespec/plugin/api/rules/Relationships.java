package org.carespec.plugin.api.rules;

/** The relationships between people the platform records. */
public final class Relationships {

    /** The subject cares for the related person. */
    public static final String CARER_OF = "CARER_OF";
    /** The subject is cared for by the related person. */
    public static final String CARED_FOR_BY = "CARED_FOR_BY";
    /** The subject is a parent or guardian of the related person. */
    public static final String PARENT_OF = "PARENT_OF";
    /** The subject is a child of the related person. */
    public static final String CHILD_OF = "CHILD_OF";
    /** The related person is the subject's next of kin. */
    public static final String NEXT_OF_KIN = "NEXT_OF_KIN";
    /** The subject is the related person's next of kin. */
    public static final String NEXT_OF_KIN_OF = "NEXT_OF_KIN_OF";
    /** No relationship between the two is on record. */
    public static final String UNKNOWN = "UNKNOWN";

    private Relationships() {
    }
}
