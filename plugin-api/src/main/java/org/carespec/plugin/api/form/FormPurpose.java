package org.carespec.plugin.api.form;

/** What a form records; the platform uses it to decide where a form may be submitted. */
public enum FormPurpose {
    /** The data of a new referral; validated when the referral is created. */
    REFERRAL,
    /** An assessment of a person's needs. */
    ASSESSMENT,
    /** A plan with goals. */
    PLAN,
    /** A review of a plan. */
    REVIEW,
    /** Any other record the specification asks for (a break, an outcome reported by another team). */
    RECORD
}
