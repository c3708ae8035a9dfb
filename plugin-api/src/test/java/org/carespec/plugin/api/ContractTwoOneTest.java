package org.carespec.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.carespec.plugin.api.rules.GuardedActions;
import org.junit.jupiter.api.Test;

/** What plugin-api 2.1 added keeps what it is given, and every builder step keeps the rest. */
class ContractTwoOneTest {

    static final SpecReference REF = SpecReference.of("test", "§1");

    @Test
    void conditionsCombineAndListTheirLeaves() {
        ClockCondition urgent = ClockCondition.priorityIn(org.carespec.plugin.api.rules.Priority.URGENT);
        ClockCondition gp = ClockCondition.sourceIn("GP");
        ClockCondition part = ClockCondition.partIn("part-1");
        ClockCondition both = ClockCondition.allOf(urgent, ClockCondition.anyOf(gp, part));
        assertEquals(List.of(urgent, gp, part), both.leaves().toList());
        assertEquals(List.of(gp), gp.leaves().toList());
        assertThrows(IllegalArgumentException.class, () -> ClockCondition.allOf(gp));
        assertThrows(IllegalArgumentException.class, () -> ClockCondition.anyOf(gp));
        ClockDefinition clock = ClockDefinition.of("c", "C", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3));
        assertEquals(gp, clock.onlyWhen(gp).condition());
        assertEquals(new ClockCondition.AllOf(List.of(gp, urgent)), clock.onlyWhen(gp).onlyWhen(urgent).condition());
    }

    @Test
    void aPerCaseDeadlineKeepsTheContractsSetting() {
        Deadline d = Deadline.months(6).variableAt("/planReviewMonths").orSoonerPerCase("plan", "/months");
        assertEquals(new Deadline(6, DeadlineUnit.MONTHS, "/planReviewMonths", new Deadline.PerCase("plan", "/months")),
                d);
        assertEquals(d.perCase(), d.variableAt("/other").perCase());
        assertNull(Deadline.weeks(1).perCase());
    }

    @Test
    void definitionsAndLetterRecipientsSurviveTheOtherBuilders() {
        KpiDefinition kpi = KpiDefinition.quarterly("K", "K", REF, KpiUnit.COUNT, KpiComputation.sql("select 1 as value"))
                .definedAs("what it counts").forParts("part-1");
        assertEquals("what it counts", kpi.definition());
        assertEquals(Set.of("part-1"), kpi.parts());
        assertNull(KpiDefinition.quarterly("K", "K", REF, KpiUnit.COUNT, KpiComputation.manual()).definition());
        ReferralForm form = ReferralForm.of("r", 1, "R", new JsonSchema("r.json", "{}"), REF)
                .withLetterRecipients("/careCoordinator", "/referrer").withSensitiveFields("x").forReferralSources("GP");
        assertEquals(List.of("/careCoordinator", "/referrer"), form.letterRecipients());
        assertEquals(Set.of("x"), form.sensitiveFields());
        assertEquals(List.of(), ReferralForm.of("r", 1, "R", new JsonSchema("r.json", "{}"), REF).letterRecipients());
        assertTrue(GuardedActions.ALL.contains(GuardedActions.ASSIGN_WORKER));
        assertEquals(6, GuardedActions.ALL.size());
    }
}
