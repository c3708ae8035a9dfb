package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.carespec.platform.test.kit.Facts;
import org.carespec.plugin.api.rules.RuleVerdict;
import org.junit.jupiter.api.Test;

/**
 * 002 §1.6 and §4.9 against the places and people the seed names: Kirklees (E08000034) and its neighbours, a
 * postcode district that straddles the boundary, a carer of two people, and a self-referral confirmed at first
 * contact. Facts come from the platform's test kit.
 */
class CarersResidencyAndCaredForTest {

    static final Map<String, Object> KIRKLEES = Map.of("area", Map.of("name", "Kirklees",
            "localAuthorityCode", "E08000034", "postcodeDistricts", List.of("HD1", "HD8", "WF13"),
            "straddlingDistricts", List.of("WF4", "BD11")));

    private static Facts.Person in(String postcode) {
        return Facts.person().born("1970-01-01").postcode(postcode);
    }

    private static RuleVerdict residency(Facts.Person carer, Facts.Person... caredFor) {
        Facts.Referral referral = Facts.referral("2026-05-04").settings(KIRKLEES).person(carer);
        for (Facts.Person person : caredFor) {
            referral.related("CARER_OF", person);
        }
        return CarerEligibility.residentInArea(referral.build());
    }

    @Test
    void aStraddlingDistrictIsAFlagToConfirmNeverARefusal() {
        // WF4 holds Kirklees villages (Flockton, Grange Moor) as well as Wakefield's
        RuleVerdict wf4 = residency(in("WF4 4AA"), in("HD1 2AB"));
        assertEquals(RuleVerdict.Outcome.FLAG, wf4.outcome());
        assertTrue(wf4.reason().contains("WF4, a postcode district that straddles the boundary"), wf4.reason());
        assertTrue(wf4.reason().contains("record their local authority (E08000034)"), wf4.reason());
        // BD11 holds a Leeds village (Drighlington) as well as Kirklees'
        assertEquals(RuleVerdict.Outcome.FLAG, residency(in("HD1 2AB"), in("BD11 1AA")).outcome());
        assertEquals(RuleVerdict.Outcome.FAIL, residency(in("LS6 2AB"), in("HD1 2AB")).outcome(), "Leeds proper");
    }

    @Test
    void aConfirmedLocalAuthorityDecidesWhateverThePostcode() {
        assertEquals(RuleVerdict.pass(), residency(in("WF4 4AA").localAuthority("E08000034"), in("HD1 2AB")));
        RuleVerdict wakefield = residency(in("WF4 4AA").localAuthority("E08000036"), in("HD1 2AB"));
        assertEquals(RuleVerdict.Outcome.FAIL, wakefield.outcome());
        assertTrue(wakefield.reason().contains("confirmed as council E08000036"), wakefield.reason());
        assertEquals(RuleVerdict.Outcome.FAIL, residency(in("HD1 2AB"), in("BD11 1AA").localAuthority("E08000035"))
                .outcome(), "the person cared for confirmed in Leeds");
    }

    @Test
    void aCarerOfTwoQualifiesThroughEitherOfThem() {
        Facts.Person mother = Facts.person().born("1950-01-01").postcode("HD1 2AB"); // 76: outside 18 to 64
        Facts.Person son = Facts.person().born("1995-01-01").postcode("HD8 9AA");
        Facts.Referral both = Facts.referral("2026-05-04").settings(KIRKLEES).person(in("HD1 2AB"))
                .related("CARER_OF", mother).related("CARER_OF", son);
        assertEquals(RuleVerdict.pass(), CarerEligibility.caredForAge(both.build()), "the son is 31");
        Facts.Referral sonFirst = Facts.referral("2026-05-04").settings(KIRKLEES).person(in("HD1 2AB"))
                .related("CARER_OF", son).related("CARER_OF", mother);
        assertEquals(RuleVerdict.pass(), CarerEligibility.caredForAge(sonFirst.build()), "in either order");
        RuleVerdict neither = CarerEligibility.caredForAge(Facts.referral("2026-05-04").settings(KIRKLEES)
                .person(in("HD1 2AB")).related("CARER_OF", mother)
                .related("CARER_OF", Facts.person().born("1940-01-01")).build());
        assertEquals("The people cared for were 76 and 86 on 2026-05-04, the date of referral; the service is for"
                + " carers of people aged 18 to 64 (002 §1.6, §4.16).", neither.reason());
        // residency through the one who lives in Kirklees
        assertEquals(RuleVerdict.pass(), residency(in("HD1 2AB"), in("LS6 2AB"), in("HD8 9AA")));
    }

    @Test
    void aSelfReferralsCaringRoleIsAskedThenConfirmedAtFirstContact() {
        RuleVerdict asked = CarerEligibility.caringRole(Facts.referral("2026-05-04").source("SELF")
                .data(Map.of("relationshipToCaredFor", "PARENT", "hoursCaringPerWeek", 35)).build());
        assertEquals(RuleVerdict.Outcome.FLAG, asked.outcome());
        assertTrue(asked.reason().contains("35 hours a week stated"), asked.reason());
        assertEquals(RuleVerdict.pass(), CarerEligibility.caringRole(Facts.referral("2026-05-04").source("SELF")
                .data(Map.of("relationshipToCaredFor", "PARENT", "significantCaring", true)).build()));
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.caringRole(Facts.referral("2026-05-04")
                .source("SELF").data(Map.of("relationshipToCaredFor", "PARENT", "significantCaring", false))
                .build()).outcome());
        assertEquals(RuleVerdict.pass(), CarerEligibility.caringRole(Facts.referral("2026-05-04")
                .source("MENTAL_HEALTH_PROFESSIONAL").data(Map.of()).build()), "a professional's referral says so");
    }
}
