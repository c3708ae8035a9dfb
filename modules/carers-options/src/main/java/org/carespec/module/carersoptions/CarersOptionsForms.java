package org.carespec.module.carersoptions;

import java.util.List;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.form.FormDefinition;
import org.carespec.plugin.api.form.FormPurpose;

/** The forms of the service, each from the section that asks for it. Schemas are in carers-options/forms. */
final class CarersOptionsForms {

    static final String REFERRAL = "referral";
    static final String SELF_REFERRAL = "self-referral";
    static final String ASSESSMENT = "assessment";
    static final String WELLBEING_PLAN = "wellbeing-plan";
    static final String PLAN_REVIEW = "plan-review";
    static final String CLA_OUTCOME = "cla-outcome";
    static final String BREAK = "break";

    static final List<FormDefinition> ALL = List.of(
            // §4.10: the provider's referral form for mental health professionals; §4.8: other providers, after
            // an assessment of need. The default for every source but SELF.
            form(REFERRAL, "Referral", FormPurpose.REFERRAL, Sections.REFERRAL_FORM).withSensitiveFields("needForBreak"),
            // §4.9: self-referral; the caring role and the mental health need are established at first contact.
            form(SELF_REFERRAL, "Self-referral", FormPurpose.REFERRAL, Sections.SELF_REFERRAL)
                    .forReferralSources(CarersOptionsCodes.SELF),
            // §4.12: the holistic, person-centred assessment.
            form(ASSESSMENT, "Holistic assessment", FormPurpose.ASSESSMENT, Sections.ASSESSMENT_AND_PLAN)
                    .withSensitiveFields("risk", "physicalHealth"),
            // §4.12: the Well-being Plan of realistic goals and its six-monthly review.
            form(WELLBEING_PLAN, "Well-being Plan", FormPurpose.PLAN, Sections.ASSESSMENT_AND_PLAN),
            form(PLAN_REVIEW, "Well-being Plan review", FormPurpose.REVIEW, Sections.ASSESSMENT_AND_PLAN),
            // §4.6, §4.8: the Carers Led Assessment, completed by the commissioners' carers assessment team and
            // recorded here; §4.5 makes an enhanced service depend on it.
            form(CLA_OUTCOME, "Carers Led Assessment outcome", FormPurpose.RECORD, Sections.SERVICES),
            // §3.3: a break, with the cared-for person, at home, away or using community resources.
            form(BREAK, "Break", FormPurpose.RECORD, Sections.BREAKS));

    private CarersOptionsForms() {
    }

    private static FormDefinition form(String code, String title, FormPurpose purpose,
                                       org.carespec.plugin.api.SpecReference source) {
        return FormDefinition.of(code, 1, title, purpose,
                JsonSchema.fromResource(CarersOptionsForms.class, "/carers-options/forms/" + code + ".schema.json"),
                source);
    }
}
