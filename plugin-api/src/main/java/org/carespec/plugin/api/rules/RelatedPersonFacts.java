package org.carespec.plugin.api.rules;

/** A person named on a referral beside its subject, with how they are related to the subject. */
public interface RelatedPersonFacts extends PersonFacts {

    /**
     * The relationship from the referral's subject to this person, e.g. {@code CARER_OF} when the subject
     * cares for this person. See {@link Relationships}.
     */
    String relationship();
}
