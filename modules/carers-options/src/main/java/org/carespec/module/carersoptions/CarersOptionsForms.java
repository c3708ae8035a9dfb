package org.carespec.module.carersoptions;

import java.util.List;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.record.Subject;

/**
 * The referral forms and record types of the service, each from the section that asks for it. Schemas are in
 * carers-options/forms.
 */
final class CarersOptionsForms {

    static final String REFERRAL = "referral";
    static final String SELF_REFERRAL = "self-referral";
    static final String ASSESSMENT = "assessment";
    static final String CLA_OUTCOME = "cla-outcome";

    static final List<ReferralForm> REFERRAL_FORMS = List.of(
            // §4.10: the provider's referral form for mental health professionals; §4.8: other providers, after
            // an assessment of need. The default for every source but SELF.
            // §4.13: a letter of decline goes to the Care Co-ordinator when the form names one, else the referrer
            ReferralForm.of(REFERRAL, 1, "Referral", schema(REFERRAL), Sections.REFERRAL_FORM)
                    .withSensitiveFields("needForBreak").withLetterRecipients("/careCoordinator", "/referrer"),
            // §4.9: self-referral; the caring role and the mental health need are established at first contact.
            ReferralForm.of(SELF_REFERRAL, 1, "Self-referral", schema(SELF_REFERRAL), Sections.SELF_REFERRAL)
                    .forReferralSources(CarersOptionsCodes.SELF));

    /**
     * What the service records about a carer after the referral, each a record about a person. The Well-being Plan
     * and its reviews are the platform's plans (one plan, one review clock: §4.12), and a break is a BREAK activity
     * with its type (one way to record a break: §3.3); neither is a record type of its own.
     */
    static final List<RecordType> RECORD_TYPES = List.of(
            // §4.12: the holistic, person-centred assessment.
            record(ASSESSMENT, "Holistic assessment", Sections.ASSESSMENT_AND_PLAN)
                    .withSensitiveFields("risk", "physicalHealth"),
            // §4.6, §4.8: the Carers Led Assessment, completed by the commissioners' carers assessment team and
            // recorded here; §4.5 makes an enhanced service depend on it.
            record(CLA_OUTCOME, "Carers Led Assessment outcome", Sections.SERVICES));

    private CarersOptionsForms() {
    }

    private static RecordType record(String code, String title, org.carespec.plugin.api.SpecReference source) {
        return RecordType.of(code, 1, title, Subject.PERSON, schema(code), source);
    }

    private static JsonSchema schema(String code) {
        return JsonSchema.fromResource(CarersOptionsForms.class, "/carers-options/forms/" + code + ".schema.json");
    }
}
