package org.carespec.module.carersoptions;

import org.carespec.plugin.api.SpecReference;

/** The sections of seed 002 (Mental Health Carers Options Service, Kirklees) that this module's rules cite. */
final class Sections {

    static final String SEED = "002";

    static final SpecReference FUNDING = SpecReference.of(SEED, "§1.7");
    static final SpecReference ELIGIBILITY = SpecReference.of(SEED, "§1.6");
    static final SpecReference FACS = SpecReference.of(SEED, "§1.2");
    static final SpecReference BREAKS = SpecReference.of(SEED, "§3.3");
    static final SpecReference MAPPING = SpecReference.of(SEED, "§3.5");
    static final SpecReference BASIC_SERVICE = SpecReference.of(SEED, "§4.4");
    static final SpecReference ENHANCED_SERVICE = SpecReference.of(SEED, "§4.5");
    static final SpecReference SERVICES = SpecReference.of(SEED, "§4.6");
    static final SpecReference AWARENESS_TRAINING = SpecReference.of(SEED, "§4.7");
    static final SpecReference REFERRAL_AFTER_ASSESSMENT = SpecReference.of(SEED, "§4.8");
    static final SpecReference SELF_REFERRAL = SpecReference.of(SEED, "§4.9");
    static final SpecReference REFERRAL_FORM = SpecReference.of(SEED, "§4.10");
    static final SpecReference RESPONSE_TIMES = SpecReference.of(SEED, "§4.11");
    static final SpecReference ASSESSMENT_AND_PLAN = SpecReference.of(SEED, "§4.12");
    static final SpecReference NOT_ACCEPTED = SpecReference.of(SEED, "§4.13");
    static final SpecReference PRIORITY = SpecReference.of(SEED, "§4.14");
    static final SpecReference ACCESSIBLE = SpecReference.of(SEED, "§4.16");
    static final SpecReference VOLUNTEERS = SpecReference.of(SEED, "§4.17");
    static final SpecReference MONITORING_MEETINGS = SpecReference.of(SEED, "§5.2");
    static final SpecReference RETURN_DUE = SpecReference.of(SEED, "§5.3");
    static final SpecReference RETURN_CONTENT = SpecReference.of(SEED, "§5.4");
    static final SpecReference EQUALITY_IMPACT = SpecReference.of(SEED, "§5.5");
    static final SpecReference ANNUAL_REPORT = SpecReference.of(SEED, "§5.7");
    static final SpecReference ANNUAL_REVIEW = SpecReference.of(SEED, "§5.8");
    static final SpecReference MINDFUL_EMPLOYER = SpecReference.of(SEED, "§5.9");
    static final SpecReference OUTCOME_MEASURES = SpecReference.of(SEED, "§6.2");

    private Sections() {
    }
}
