package org.carespec.module.carersoptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PersonFacts;
import org.carespec.plugin.api.rules.ReferralFacts;
import org.carespec.plugin.api.rules.RelatedPersonFacts;
import org.carespec.plugin.api.rules.Relationships;
import org.carespec.plugin.api.rules.RuleVerdict;

/**
 * Who the service is for (002 §1.6, §4.8, §4.9, §4.16). The referral's person is the carer; the person cared for
 * is named on the referral and linked to the carer as {@code CARER_OF}. A failed rule gives the reason a decline
 * letter can quote; a flagged one asks the worker to check something at first contact.
 */
final class CarerEligibility {

    static final List<EligibilityRule> ALL = List.of(
            // §1.6: carers who are 18 years of age and over.
            EligibilityRule.of("carer-age", Sections.ELIGIBILITY, CarerEligibility::carerAge),
            // §1.6, §4.16: the person cared for is 18 to 64 at the date of referral.
            EligibilityRule.of("cared-for-age", Sections.ELIGIBILITY, CarerEligibility::caredForAge),
            // §1.6: both the carer and the person cared for live within the boundaries of Kirklees.
            EligibilityRule.of("resident-in-area", Sections.ELIGIBILITY, CarerEligibility::residentInArea),
            // §1.2, §1.6, §4.8: serious mental ill-health and an assessed mental health need.
            EligibilityRule.of("mental-health-need", Sections.REFERRAL_AFTER_ASSESSMENT,
                    CarerEligibility::mentalHealthNeed),
            // §1.2: the people cared for are eligible under Fair Access to Care Services (FACS).
            EligibilityRule.of("facs-eligible", Sections.FACS, CarerEligibility::facsEligible),
            // §1.6: the person cared for is a family member or a friend; the carer gives a significant
            // proportion of their life to unpaid care.
            EligibilityRule.of("family-or-friend", Sections.ELIGIBILITY, CarerEligibility::familyOrFriend),
            // §4.9: a self-referral is taken up for contact, and referred on for a Carers Led Assessment.
            EligibilityRule.of("self-referral-cla", Sections.SELF_REFERRAL, CarerEligibility::selfReferral));

    private CarerEligibility() {
    }

    static RuleVerdict carerAge(ReferralFacts f) {
        int minimum = f.settings().integer("/carerMinimumAge").orElse(18);
        return f.person().ageOn(f.referralDate())
                .map(age -> age >= minimum ? RuleVerdict.pass()
                        : RuleVerdict.fail("The carer is " + age + "; the service is for carers aged " + minimum
                        + " and over (002 §1.6)."))
                .orElse(RuleVerdict.flag("The carer's date of birth is not recorded: check they are " + minimum
                        + " or over."));
    }

    static RuleVerdict caredForAge(ReferralFacts f) {
        Optional<RelatedPersonFacts> caredFor = caredFor(f);
        if (caredFor.isEmpty()) {
            return RuleVerdict.fail("No person cared for is named on the referral: name them and record the carer as"
                    + " CARER_OF them.");
        }
        int min = f.settings().integer("/caredForAgeBand/min").orElse(18);
        int max = f.settings().integer("/caredForAgeBand/max").orElse(64);
        LocalDate on = f.referralDate();
        return caredFor.get().ageOn(on)
                .map(age -> age >= min && age <= max ? RuleVerdict.pass()
                        : RuleVerdict.fail("The person cared for was " + age + " on " + on + ", the date of referral;"
                        + " the service is for carers of people aged " + min + " to " + max + " (002 §1.6, §4.16)."))
                .orElse(RuleVerdict.flag("The date of birth of the person cared for is not recorded: check they are "
                        + min + " to " + max + "."));
    }

    static RuleVerdict residentInArea(ReferralFacts f) {
        List<String> districts = f.settings().strings("/area/postcodeDistricts");
        String area = f.settings().string("/area/name").orElse("the area");
        List<String> outside = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        check("the carer", f.person(), districts, outside, unknown);
        caredFor(f).ifPresent(p -> check("the person cared for", p, districts, outside, unknown));
        if (!outside.isEmpty()) {
            return RuleVerdict.fail(capitalise(String.join(" and ", outside)) + " outside " + area + "; both the"
                    + " carer and the person cared for must live within its boundaries (002 §1.6).");
        }
        if (!unknown.isEmpty()) {
            return RuleVerdict.flag("No postcode for " + String.join(" or ", unknown) + ": check they live in "
                    + area + ".");
        }
        return RuleVerdict.pass();
    }

    static RuleVerdict mentalHealthNeed(ReferralFacts f) {
        Optional<Boolean> serious = f.data().bool("/caredForSeriousMentalIllHealth");
        Optional<Boolean> assessed = f.data().bool("/caredForAssessedMentalHealthNeed");
        if (serious.filter(b -> !b).isPresent() || assessed.filter(b -> !b).isPresent()) {
            return RuleVerdict.fail("The person cared for has no serious mental ill-health or assessed mental"
                    + " health need on record; the service is for carers of people who do (002 §1.2, §4.8).");
        }
        if (assessed.isEmpty()) {
            return RuleVerdict.flag("Establish at first contact that the person cared for has an assessed mental"
                    + " health need (002 §4.9).");
        }
        return RuleVerdict.pass();
    }

    static RuleVerdict facsEligible(ReferralFacts f) {
        return f.data().bool("/facsEligible").filter(b -> !b).isPresent()
                ? RuleVerdict.fail("The person cared for is not eligible under Fair Access to Care Services; the"
                + " service is for carers of people who are (002 §1.2).")
                : RuleVerdict.pass();
    }

    static RuleVerdict familyOrFriend(ReferralFacts f) {
        if ("OTHER".equals(f.data().string("/relationshipToCaredFor").orElse(""))) {
            return RuleVerdict.fail("The carer is neither family nor a friend of the person cared for; the service"
                    + " is for unpaid family carers and friends (002 §1.6).");
        }
        if (f.data().bool("/significantCaring").filter(b -> !b).isPresent()) {
            return RuleVerdict.fail("The carer does not spend a significant proportion of their life caring"
                    + " (002 §1.6, §4.8).");
        }
        return RuleVerdict.pass();
    }

    static RuleVerdict selfReferral(ReferralFacts f) {
        return CarersOptionsCodes.SELF.equals(f.source())
                ? RuleVerdict.flag("Self-referral: establish the caring role, then refer the carer to the carers"
                + " assessment service for a Carers Led Assessment (CLA) (002 §4.9).")
                : RuleVerdict.pass();
    }

    /** The person the carer cares for: the related person the carer is CARER_OF. */
    static Optional<RelatedPersonFacts> caredFor(ReferralFacts f) {
        return f.relatedPersons().stream().filter(p -> Relationships.CARER_OF.equals(p.relationship())).findFirst();
    }

    private static void check(String who, PersonFacts person, List<String> districts, List<String> outside,
                              List<String> unknown) {
        Optional<String> postcode = person.postcode();
        if (postcode.isEmpty()) {
            unknown.add(who);
            return;
        }
        String district = postcode.get().toUpperCase(Locale.ROOT).split(" ")[0];
        if (!districts.contains(district)) {
            outside.add(who + " (" + postcode.get() + ") lives");
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
