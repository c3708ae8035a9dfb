package org.carespec.platform.test.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.fixture.ShortBreaksShape;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.ReferralSnapshot;
import org.carespec.plugin.api.rules.RuleVerdict;
import org.junit.jupiter.api.Test;

/** The test kit used as a module's own unit tests would use it, on the 004-shaped test module's rules. */
class FactsTest {

    final InstalledPlugin module = Modules.install(new ShortBreaksShape());

    @Test
    void aRuleSeesTheSpecificationPartAndThePersonsAge() {
        var age = Modules.eligibilityRule(module, "age");
        Facts.Person five = Facts.person().born("2021-03-01");
        assertEquals(RuleVerdict.pass(), age.evaluate(Facts.referral("2026-05-04").part("part-2").person(five).build()));
        assertEquals(RuleVerdict.Outcome.FAIL, age.evaluate(Facts.referral("2026-05-04").part("part-1").person(five)
                .build()).outcome());
        assertEquals(RuleVerdict.Outcome.FLAG, age.evaluate(Facts.referral("2026-05-04").part("part-1")
                .person(Facts.person()).build()).outcome());
    }

    @Test
    void aRuleSeesThePersonsConfirmedCouncil() {
        var resident = Modules.eligibilityRule(module, "dorset-resident");
        assertEquals(RuleVerdict.Outcome.FAIL, resident.evaluate(Facts.referral("2026-05-04").part("part-1")
                .person(Facts.person().localAuthority("E08000034")).build()).outcome());
        assertEquals(RuleVerdict.pass(), resident.evaluate(Facts.referral("2026-05-04").part("part-1")
                .person(Facts.person().localAuthority("E06000059")).build()));
        assertEquals(RuleVerdict.pass(), resident.evaluate(Facts.referral("2026-05-04").part("part-2")
                .person(Facts.person().localAuthority("E08000034")).build()), "Part 2 has no such rule");
    }

    @Test
    void anActionRuleSeesTheReferral() {
        var rule = Modules.actionRule(module, "accept-only-eligible");
        ReferralSnapshot ineligible = new ReferralSnapshot("RECEIVED", false, Priority.ROUTINE, "CWAD", List.of(),
                JsonView.empty());
        assertTrue(rule.refusal(Facts.action(GuardedActions.RECORD_REFERRAL_EVENT).data(Map.of("type", "ACCEPTED"))
                .referral(ineligible).build()).isPresent());
        assertEquals(Optional.empty(), rule.refusal(Facts.action(GuardedActions.RECORD_REFERRAL_EVENT)
                .data(Map.of("type", "DECLINED")).referral(ineligible).build()));
    }
}
