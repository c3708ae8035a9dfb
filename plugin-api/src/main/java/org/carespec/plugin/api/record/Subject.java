package org.carespec.plugin.api.record;

/** Whom a record is about. */
public enum Subject {
    /** A named person of the provider's caseload (an assessment, a plan, a break). */
    PERSON,
    /** A person when there is one (an engagement event that may name a contact). */
    PERSON_OPTIONAL,
    /**
     * No person: work done under the contract itself (a training session delivered, a work-plan objective, a
     * working-group action, a funding application).
     */
    NONE
}
