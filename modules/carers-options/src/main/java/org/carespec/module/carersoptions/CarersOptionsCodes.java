package org.carespec.module.carersoptions;

import java.util.List;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.codes.CodeLists;

/** The code lists of the Carers Options service, in the words of seed 002. */
final class CarersOptionsCodes {

    /** The self-referral source (§4.9), which has its own form and is flagged for a Carers Led Assessment. */
    static final String SELF = "SELF";

    /** Where referrals come from: professionals (§4.10), other providers (§4.8), the CLA team (§4.6), self (§4.9). */
    static final CodeList REFERRAL_SOURCES = CodeList.builder(CodeLists.REFERRAL_SOURCE, "Referral sources",
                    Sections.REFERRAL_FORM)
            .add("MENTAL_HEALTH_PROFESSIONAL", "Mental health professional")
            .add("OTHER_PROVIDER", "Another provider, after an assessment of need")
            .add("CARERS_ASSESSMENT_TEAM", "Commissioners' carers assessment team")
            .add(SELF, "Self-referral")
            .add("GP", "GP")
            .add("OTHER", "Other")
            .build();

    /**
     * Why the service did not accept a referral (§4.13 asks for the full written reason too; §1.6 gives the
     * criteria). A carer who withdraws or cannot be contacted is not "not accepted": that referral is closed as
     * WITHDRAWN with a leaving reason, and no letter of decline is written.
     */
    static final CodeList DECLINE_REASONS = CodeList.builder(CodeLists.DECLINE_REASON, "Reasons for not accepting",
                    Sections.NOT_ACCEPTED)
            .add("CARER_UNDER_18", "The carer is under 18")
            .add("CARED_FOR_OUTSIDE_AGE_BAND", "The person cared for is outside the age band at the date of referral")
            .add("OUTSIDE_AREA", "The carer or the person cared for lives outside Kirklees")
            .add("NO_SERIOUS_MENTAL_ILL_HEALTH", "No serious mental ill-health or assessed mental health need")
            .add("NOT_FAMILY_OR_FRIEND", "Not a family member or friend of the person cared for")
            .add("NOT_SIGNIFICANT_CARING", "Not providing a significant proportion of care")
            .add("NOT_FACS_ELIGIBLE", "Not eligible under Fair Access to Care Services")
            .add("OTHER", "Other (see the written reason)")
            .build();

    /**
     * Why people leave before meeting the goals of their plan (§5.4), or withdraw before their service starts (the
     * last two, with CHOSE_TO_LEAVE).
     */
    static final CodeList LEAVING_REASONS = CodeList.builder(CodeLists.LEAVING_REASON,
                    "Reasons for leaving before meeting plan goals", Sections.RETURN_CONTENT)
            .add("NO_LONGER_CARING", "No longer caring")
            .add("CARED_FOR_DIED", "The person cared for died")
            .add("MOVED_AWAY", "Moved out of the area")
            .add("CARER_ILL_HEALTH", "The carer's own ill-health")
            .add("CHOSE_TO_LEAVE", "Chose to leave the service")
            .add("SUPPORTED_ELSEWHERE", "Now supported by another service")
            .add("LOST_CONTACT", "Contact lost")
            .add("OTHER", "Other")
            .add("NOT_TAKEN_UP", "Decided not to take up the service")
            .add("NO_CONTACT", "Could not be contacted")
            .build();

    /** Where people move on to (§5.4: vocational and volunteering opportunities, employment, learning). */
    static final CodeList MOVING_ON = CodeList.builder(CodeLists.MOVING_ON_DESTINATION, "Moving-on destinations",
                    Sections.RETURN_CONTENT)
            .add("EMPLOYMENT", "Employment")
            .add("VOLUNTEERING", "Volunteering")
            .add("LEARNING_TRAINING", "Learning or training")
            .add("VOCATIONAL", "Vocational opportunity")
            .add("OTHER_SERVICE", "Another service")
            .build();

    /** Breaks with the cared-for person, at home or away, using community resources (§3.3). */
    static final CodeList BREAK_TYPES = CodeList.builder(CodeLists.BREAK_TYPE, "Break types", Sections.BREAKS)
            .add("AT_HOME", "With the cared-for person at home")
            .add("AWAY_FROM_HOME", "With the cared-for person away from home")
            .add("COMMUNITY_RESOURCES", "Using ordinary community resources")
            .build();

    /** Groups and sessions (§4.6 support groups and forums, training for carers; §4.7 awareness for referrers). */
    static final CodeList GROUP_TYPES = CodeList.builder(CodeLists.GROUP_TYPE, "Group types", Sections.SERVICES)
            .add("SUPPORT_GROUP", "Carer support group")
            .add("FORUM", "Carers' forum")
            .add("CARER_TRAINING", "Training for carers")
            .add("REFERRER_AWARENESS", "Awareness session for referrers")
            .add("MH_STAFF_TRAINING", "Training for mental health staff")
            .build();

    /**
     * The agencies and services the provider signposts and refers to (§4.15, §3.5): one code per agency, so that a
     * link is counted once however it is typed (§5.4 "links developed with other services"). A contract adds its own
     * local agencies as contract entries, without a deployment.
     */
    static final CodeList AGENCIES = CodeList.builder(CodeLists.AGENCY, "Agencies and services", Sections.SERVICES)
            .add("CARERS_COUNT", "Carers Count Kirklees")
            .add("CARERS_ASSESSMENT", "Kirklees carers assessment service")
            .add("ADULT_SOCIAL_CARE", "Kirklees Council Adult Social Care")
            .add("SWYPFT", "South West Yorkshire Partnership NHS Foundation Trust")
            .add("GP_PRACTICE", "The carer's GP practice")
            .add("CITIZENS_ADVICE", "Citizens Advice Kirklees")
            .add("WELFARE_RIGHTS", "Kirklees Welfare Rights")
            .add("MIND", "Mind Kirklees")
            .add("SAMARITANS", "Samaritans")
            .add("SHELTER", "Shelter")
            .add("JOBCENTRE_PLUS", "Jobcentre Plus")
            .add("KIRKLEES_COLLEGE", "Kirklees College")
            .add("KIRKLEES_LIBRARIES", "Kirklees Libraries")
            .add("KIRKLEES_ACTIVE_LEISURE", "Kirklees Active Leisure")
            .build();

    /** Activities of this service beyond the platform's own (§4.9 CLA referrals; §5.4 re-assessments). */
    static final CodeList ACTIVITY_TYPES = CodeList.builder(CodeLists.ACTIVITY_TYPE, "Activity types",
                    Sections.RETURN_CONTENT)
            .add("CLA_REFERRAL", "Referred to the carers assessment service for a Carers Led Assessment (§4.9)")
            .add("REASSESSMENT_REFERRAL", "Referred for a re-assessment (carer or the person cared for)")
            .build();

    static final List<CodeList> ALL = List.of(REFERRAL_SOURCES, DECLINE_REASONS, LEAVING_REASONS, MOVING_ON,
            BREAK_TYPES, GROUP_TYPES, ACTIVITY_TYPES, AGENCIES);

    private CarersOptionsCodes() {
    }
}
