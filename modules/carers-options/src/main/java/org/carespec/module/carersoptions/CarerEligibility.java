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
            EligibilityRule.of("self-referral-cla", Sections.SELF_REFERRAL, CarerEligibility::selfReferral),
            // §4.9: "the Service Provider should establish that the individual is spending a significant amount of
            // time providing care": asked on the form, confirmed at first contact by amending the referral.
            EligibilityRule.of("self-referral-caring-role", Sections.SELF_REFERRAL, CarerEligibility::caringRole));

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

    /**
     * §1.6: the person cared for is 18 to 64 at the date of referral. A carer may care for more than one person; the
     * carer qualifies through any of them, so every person the carer is CARER_OF is read, not the first.
     */
    static RuleVerdict caredForAge(ReferralFacts f) {
        List<RelatedPersonFacts> caredFor = caredForAll(f);
        if (caredFor.isEmpty()) {
            return RuleVerdict.fail("No person cared for is named on the referral: name them and record the carer as"
                    + " CARER_OF them.");
        }
        int min = f.settings().integer("/caredForAgeBand/min").orElse(18);
        int max = f.settings().integer("/caredForAgeBand/max").orElse(64);
        LocalDate on = f.referralDate();
        List<Integer> ages = new ArrayList<>();
        boolean unknown = false;
        for (RelatedPersonFacts person : caredFor) {
            Optional<Integer> age = person.ageOn(on);
            if (age.isEmpty()) {
                unknown = true;
            } else if (age.get() >= min && age.get() <= max) {
                return RuleVerdict.pass();
            } else {
                ages.add(age.get());
            }
        }
        if (unknown) {
            return RuleVerdict.flag("The date of birth of the person cared for is not recorded: check they are "
                    + min + " to " + max + ".");
        }
        String who = ages.size() == 1 ? "The person cared for was " + ages.get(0)
                : "The people cared for were " + ages.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" and "));
        return RuleVerdict.fail(who + " on " + on + ", the date of referral; the service is for carers of people aged "
                + min + " to " + max + " (002 §1.6, §4.16).");
    }

    /**
     * §1.6: both the carer and the person cared for live within the boundaries of Kirklees local authority. A
     * worker's confirmed answer (the person's recorded local authority) decides; otherwise the postcode district: one
     * wholly inside passes, one that straddles the boundary (WF4 holds Kirklees villages, BD11 a Leeds one) is a flag
     * to confirm, never a refusal, and any other fails. The carer qualifies through any person they care for who
     * lives inside.
     */
    static RuleVerdict residentInArea(ReferralFacts f) {
        Area area = Area.of(f);
        Residence carer = area.residence("the carer", f.person());
        List<Residence> caredFor = caredForAll(f).stream().map(p -> area.residence("the person cared for", p))
                .toList();
        Residence cared = caredFor.stream().filter(r -> r.kind == Residence.Kind.INSIDE).findFirst()
                .or(() -> caredFor.stream().filter(r -> r.kind == Residence.Kind.UNSURE).findFirst())
                .or(() -> caredFor.stream().findFirst()).orElse(null);
        List<String> outside = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        for (Residence r : cared == null ? List.of(carer) : List.of(carer, cared)) {
            if (r.kind == Residence.Kind.OUTSIDE) {
                outside.add(r.words);
            } else if (r.kind == Residence.Kind.UNSURE) {
                unsure.add(r.words);
            }
        }
        if (!outside.isEmpty()) {
            return RuleVerdict.fail(capitalise(String.join(" and ", outside)) + " outside " + area.name + "; both the"
                    + " carer and the person cared for must live within its boundaries (002 §1.6).");
        }
        if (!unsure.isEmpty()) {
            return RuleVerdict.flag(capitalise(String.join("; ", unsure)) + ": confirm they live in " + area.name
                    + " and record their local authority (" + area.code + ").");
        }
        return RuleVerdict.pass();
    }

    /** The contract's area: its name, its council's ONS code, and its postcode districts, whole or straddling. */
    private record Area(String name, String code, List<String> inside, List<String> straddling) {

        static Area of(ReferralFacts f) {
            return new Area(f.settings().string("/area/name").orElse("the area"),
                    f.settings().string("/area/localAuthorityCode").orElse("E08000034"),
                    f.settings().strings("/area/postcodeDistricts"),
                    f.settings().strings("/area/straddlingDistricts"));
        }

        Residence residence(String who, PersonFacts person) {
            Optional<String> council = person.localAuthority();
            if (council.isPresent()) {
                return council.get().equals(code) ? new Residence(Residence.Kind.INSIDE, who)
                        : new Residence(Residence.Kind.OUTSIDE, who + " (confirmed as council " + council.get()
                        + ") lives");
            }
            Optional<String> postcode = person.postcode();
            if (postcode.isEmpty()) {
                return new Residence(Residence.Kind.UNSURE, "no postcode for " + who);
            }
            String district = postcode.get().toUpperCase(Locale.ROOT).split(" ")[0];
            if (straddling.contains(district)) {
                return new Residence(Residence.Kind.UNSURE, who + " (" + postcode.get() + ") lives in " + district
                        + ", a postcode district that straddles the boundary");
            }
            return inside.contains(district) ? new Residence(Residence.Kind.INSIDE, who)
                    : new Residence(Residence.Kind.OUTSIDE, who + " (" + postcode.get() + ") lives");
        }
    }

    /** Where one person lives, as far as the facts say, in words a reason can quote. */
    private record Residence(Kind kind, String words) {
        enum Kind { INSIDE, UNSURE, OUTSIDE }
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

    static RuleVerdict caringRole(ReferralFacts f) {
        if (!CarersOptionsCodes.SELF.equals(f.source())) {
            return RuleVerdict.pass();
        }
        Optional<Boolean> confirmed = f.data().bool("/significantCaring");
        if (confirmed.isPresent()) {
            return confirmed.get() ? RuleVerdict.pass()
                    : RuleVerdict.fail("The carer does not spend a significant amount of time caring (002 §1.6, §4.9).");
        }
        String hours = f.data().integer("/hoursCaringPerWeek").map(h -> " (" + h + " hours a week stated on the"
                + " self-referral)").orElse(" (no hours stated on the self-referral: ask)");
        return RuleVerdict.flag("Self-referral: establish at first contact that the carer spends a significant amount"
                + " of time caring" + hours + " for someone with an assessed mental health need, then amend the"
                + " referral with significantCaring and the need (002 §4.9).");
    }

    /** The people the carer cares for: every related person the carer is CARER_OF. */
    static List<RelatedPersonFacts> caredForAll(ReferralFacts f) {
        return f.relatedPersons().stream().filter(p -> Relationships.CARER_OF.equals(p.relationship())).toList();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
