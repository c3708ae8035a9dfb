package org.carespec.plugin.api.rules;

import java.time.LocalDate;
import java.util.List;
import org.carespec.plugin.api.JsonView;

/** What eligibility and priority rules see of a new referral. The platform assembles it; rules only read. */
public interface ReferralFacts {

    /** The date the referral was received, in Europe/London. */
    LocalDate referralDate();

    /** The referral source code. */
    String source();

    /** The referral form's data, already valid against the form's schema. */
    JsonView data();

    /** The person referred. */
    PersonFacts person();

    /** The other people named on the referral, with their relationship to the person referred. */
    List<RelatedPersonFacts> relatedPersons();

    /** The contract's settings, defaults filled in. */
    JsonView settings();

    /** The specification part the referral's contract commissions, or {@code null} when the module has no parts. */
    default String specificationPart() {
        return null;
    }
}
