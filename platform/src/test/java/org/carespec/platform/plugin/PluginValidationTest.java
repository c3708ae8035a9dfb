package org.carespec.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.carespec.platform.fixture.FixturePlugin;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.PluginApi;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.SpecificationPart;
import org.carespec.plugin.api.Version;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.carespec.plugin.api.kpi.NarrativeDefinition;
import org.carespec.plugin.api.obligation.DueRule;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.record.Subject;
import org.junit.jupiter.api.Test;

/** Each way a plugin is refused at start-up, with one message naming the plugin and the problem. */
class PluginValidationTest {

    static final SpecReference REF = SpecReference.of("test", "§1");
    static final JsonSchema OBJECT = new JsonSchema("object.json", "{\"type\":\"object\"}");

    private static String refusal(CarespecPlugin... plugins) {
        return assertThrows(PluginRejectedException.class,
                () -> PluginRegistry.install(List.of(plugins), PluginApi.version())).getMessage();
    }

    @Test
    void theFixturePluginIsAccepted() {
        Map<String, InstalledPlugin> installed = PluginRegistry.install(List.of(new FixturePlugin()), PluginApi.version());
        InstalledPlugin fixture = installed.get("fixture");
        assertEquals("fixture", fixture.databaseSchema());
        assertEquals(4, fixture.clocks().size());
        assertTrue(fixture.referralFormFor("GP").isPresent());
    }

    @Test
    void twoPluginsWithTheSameIdAreRefused() {
        String message = refusal(TestPlugin.of("twin", c -> { }), TestPlugin.of("twin", c -> { }));
        assertTrue(message.startsWith("Plugin 'twin' was refused: the id is used by both"), message);
    }

    @Test
    void aPluginBuiltForPluginApi1IsRefused() {
        String message = refusal(TestPlugin.requiring("legacy", "[1.0,2.0)"));
        assertEquals("Plugin 'legacy' was refused: it requires plugin-api [1.0.0,2.0.0) but this platform provides "
                + PluginApi.version(), message);
    }

    @Test
    void theRunningApiVersionIsInsideTheRangeTheFixtureAsksFor() {
        assertTrue(new FixturePlugin().descriptor().requiresApi().contains(PluginApi.version()));
        assertTrue(PluginApi.version().compareTo(Version.parse("1.0.0")) >= 0);
    }

    @Test
    void aSettingsSchemaThatIsNotJsonIsRefused() {
        String message = refusal(TestPlugin.of("broken", c -> c.settings(new JsonSchema("settings.json", "{type:"))));
        assertTrue(message.startsWith("Plugin 'broken' was refused: schema settings.json is not valid JSON"), message);
    }

    @Test
    void aFormWhoseOwnExampleBreaksItsSchemaIsRefused() {
        String schema = "{\"type\":\"object\",\"required\":[\"age\"],\"properties\":{\"age\":"
                + "{\"type\":\"integer\"}},\"examples\":[%s]}";
        JsonSchema wrong = new JsonSchema("form.json", schema.formatted("{\"age\":\"ten\"}"));
        String message = refusal(TestPlugin.of("badexample", c -> c.referralForm(ReferralForm.of("referral", 1,
                "Referral", wrong, REF))));
        assertTrue(message.startsWith("Plugin 'badexample' was refused: referral form 'referral' example 1 is not valid"),
                message);
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsRefused() {
        JsonSchema bad = new JsonSchema("form.json", "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"whole\"}}}");
        String message = refusal(TestPlugin.of("badform", c -> c.referralForm(ReferralForm.of("referral", 1, "Referral",
                bad, REF))));
        assertTrue(message.startsWith("Plugin 'badform' was refused: schema form.json is not a valid JSON Schema"),
                message);
    }

    @Test
    void aSettingsSchemaThatIsNotAnObjectSchemaIsRefused() {
        String message = refusal(TestPlugin.of("arrays", c -> c.settings(new JsonSchema("s.json", "{\"type\":\"array\"}"))));
        assertTrue(message.contains("must have \"type\": \"object\""), message);
    }

    @Test
    void anObligationWhoseCodeCannotBeAUrlOrWhoseSpanIsNoTimeIsRefused() {
        String upper = refusal(TestPlugin.of("duties", c -> c.obligation(new ObligationDefinition("Annual_Report",
                "Annual report", REF, DueRule.eachContractYear()))));
        assertTrue(upper.contains("obligation code 'Annual_Report' must be lower-case"), upper);
        String never = refusal(TestPlugin.of("duties", c -> c.obligation(new ObligationDefinition("mobilisation",
                "Mobilised", REF, DueRule.afterReferralEvent(ReferralEventType.PLAN_AGREED, 0, DeadlineUnit.WEEKS)))));
        assertTrue(never.contains("obligation mobilisation falls due 0 units after its start"), never);
    }

    @Test
    void aKpiQueryOfMoreThanOneStatementIsRefused() {
        KpiDefinition kpi = KpiDefinition.quarterly("R2", "Two", REF, KpiUnit.COUNT, KpiComputation.sql(
                "select 1 as value from reporting.referral; select 2 as value"));
        String message = refusal(TestPlugin.of("semis", c -> c.kpi(kpi)));
        assertTrue(message.contains("more than one statement"), message);
    }

    @Test
    void twoKpisWithTheSameCodeAreRefused() {
        KpiDefinition kpi = KpiDefinition.quarterly("R1", "Accepted", REF, KpiUnit.COUNT, KpiComputation.manual());
        String message = refusal(TestPlugin.of("kpis", c -> c.kpi(kpi).kpi(kpi)));
        assertEquals("Plugin 'kpis' was refused: KPI code 'R1' is used twice", message);
    }

    @Test
    void aKpiQueryThatChangesTheSessionOrRunsDynamicSqlIsRefused() {
        for (String query : java.util.List.of(
                "select set_config('role', session_user, true), count(*) as value from reporting.referral",
                "select count(*) as value from reporting.referral; set role carespec_app",
                "select (xpath('//x', query_to_xml('select 1', true, true, '')))[1]::text as value",
                "select count(*) as value from dblink('x', 'y') as t(a int)")) {
            String message = refusal(TestPlugin.of("sneaky", c -> c.kpi(KpiDefinition.quarterly("R1", "x", REF,
                    KpiUnit.COUNT, KpiComputation.sql(query)))));
            assertTrue(message.contains("changes the database session or runs dynamic SQL"), query + ": " + message);
        }
        KpiDefinition plain = KpiDefinition.quarterly("R1", "x", REF, KpiUnit.COUNT, KpiComputation.sql(
                "select count(*) as value from reporting.referral where source = 'SELF' -- settled"));
        assertEquals(1, PluginRegistry.install(List.of(TestPlugin.of("plain", c -> c.kpi(plain))), PluginApi.version())
                .get("plain").kpis().size(), "an ordinary query is accepted");
    }

    @Test
    void aNarrativeMayNotReuseAKpiCode() {
        String message = refusal(TestPlugin.of("lines", c -> c
                .kpi(KpiDefinition.quarterly("CO15", "Unmet", REF, KpiUnit.COUNT, KpiComputation.manual()))
                .narrative(new NarrativeDefinition("CO15", "Unmet needs", REF, "words"))));
        assertEquals("Plugin 'lines' was refused: return line code 'CO15' is used twice", message);
    }

    @Test
    void twoClocksWithTheSameCodeAreRefused() {
        ClockDefinition clock = ClockDefinition.of("first-contact", "First contact", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3));
        assertEquals("Plugin 'clocks' was refused: clock code 'first-contact' is used twice",
                refusal(TestPlugin.of("clocks", c -> c.clock(clock).clock(clock))));
    }

    @Test
    void aKpiForAPartThePluginDoesNotDeclareIsRefused() {
        KpiDefinition kpi = KpiDefinition.quarterly("R1", "Accepted", REF, KpiUnit.COUNT,
                KpiComputation.sql("select 1 as value")).forParts("part-3");
        assertEquals("Plugin 'parts' was refused: KPI 'R1' is for specification part 'part-3' which the plugin does"
                + " not declare", refusal(TestPlugin.of("parts", c -> c.specificationPart(new SpecificationPart(
                "part-1", "Part 1", "Council", REF)).kpi(kpi))));
    }

    @Test
    void aDeadlineReadFromASettingTheSchemaDoesNotDefineIsRefused() {
        ClockDefinition clock = ClockDefinition.of("contact", "Contact", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3).variableAt("/contactWorkingDay"));
        assertEquals("Plugin 'typo' was refused: clock 'contact' reads its deadline from settings pointer"
                + " '/contactWorkingDay' which the settings schema does not define",
                refusal(TestPlugin.of("typo", c -> c.clock(clock))));
    }

    @Test
    void aPerCaseDeadlineFromAFieldTheRecordTypeLacksOrKeepsSealedIsRefused() {
        JsonSchema plan = new JsonSchema("plan.json", "{\"type\": \"object\", \"properties\": {"
                + "\"reviewIntervalMonths\": {\"type\": \"integer\"}, \"note\": {\"type\": \"string\"},"
                + " \"sealed\": {\"type\": \"integer\"}}}");
        RecordType wellbeingPlan = RecordType.of("wellbeing-plan", 1, "Plan", Subject.PERSON, plan, REF)
                .withSensitiveFields("sealed");
        java.util.function.Function<String, ClockDefinition> reviewAt = pointer -> ClockDefinition.of("review",
                "Review", REF, Milestone.recordCreated("wellbeing-plan"), Milestone.event(ReferralEventType.REVIEWED),
                Deadline.months(6).orSoonerPerCase("wellbeing-plan", pointer));
        assertEquals("Plugin 'plans' was refused: clock 'review' takes a per-case deadline from record type"
                + " 'wellbeing-plan' at '/reviewIntervalMonth', which version 1 of its schema does not define as an"
                + " integer", refusal(TestPlugin.of("plans", c -> c.recordType(wellbeingPlan)
                .clock(reviewAt.apply("/reviewIntervalMonth")))));
        assertTrue(refusal(TestPlugin.of("plans", c -> c.recordType(wellbeingPlan).clock(reviewAt.apply("/note"))))
                .endsWith("does not define as an integer"));
        assertTrue(refusal(TestPlugin.of("plans", c -> c.recordType(wellbeingPlan).clock(reviewAt.apply("/sealed"))))
                .endsWith("a sensitive field; a deadline must come from a plain one"));
        ClockDefinition elsewhere = ClockDefinition.of("review", "Review", REF, Milestone.received(),
                Milestone.event(ReferralEventType.REVIEWED), Deadline.months(6).orSoonerPerCase("care-plan", "/n"));
        assertEquals("Plugin 'plans' was refused: clock 'review' takes a per-case deadline from record type"
                + " 'care-plan' which the plugin does not declare", refusal(TestPlugin.of("plans",
                c -> c.clock(elsewhere))));
        // the platform's own plan gives only its review interval, in months
        ClockDefinition planInWeeks = ClockDefinition.of("review", "Review", REF,
                Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
                Deadline.weeks(26).orSoonerPerPlan());
        assertEquals("Plugin 'plans' was refused: clock 'review' takes a per-case deadline from the agreed plan,"
                + " which gives only its review interval in months: use Deadline.months(n).orSoonerPerPlan()",
                refusal(TestPlugin.of("plans", c -> c.clock(planInWeeks))));
        ClockDefinition planField = ClockDefinition.of("review", "Review", REF,
                Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
                Deadline.months(6).orSoonerPerCase("plan", "/goals"));
        assertTrue(refusal(TestPlugin.of("plans", c -> c.clock(planField))).contains("from the agreed plan"));
        PluginRegistry.install(List.of(TestPlugin.of("plans", c -> c.clock(ClockDefinition.of("review", "Review",
                REF, Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
                Deadline.months(6).orSoonerPerPlan())))), PluginApi.version());
        // the field as declared boots
        PluginRegistry.install(List.of(TestPlugin.of("plans", c -> c.recordType(wellbeingPlan)
                .clock(reviewAt.apply("/reviewIntervalMonths")))), PluginApi.version());
    }

    @Test
    void lettersToAPersonTheFormDoesNotDefineAreRefused() {
        JsonSchema form = new JsonSchema("r.json", "{\"type\": \"object\", \"properties\": {\"referrer\":"
                + " {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}}}");
        assertEquals("Plugin 'letters' was refused: referral form 'referral' sends letters to '/careCoordinator', which"
                + " its schema does not define as an object with a name", refusal(TestPlugin.of("letters", c ->
                c.referralForm(ReferralForm.of("referral", 1, "Referral", form, REF)
                        .withLetterRecipients("/careCoordinator", "/referrer")))));
        PluginRegistry.install(List.of(TestPlugin.of("letters", c -> c.referralForm(ReferralForm.of("referral", 1,
                "Referral", form, REF).withLetterRecipients("/referrer")))), PluginApi.version());
    }

    @Test
    void anActionRuleGuardingAnActionThePlatformDoesNotHaveIsRefused() {
        var rule = org.carespec.plugin.api.rules.ActionRule.of("gate", REF, "activity.recrod",
                facts -> java.util.Optional.empty());
        assertTrue(refusal(TestPlugin.of("gates", c -> c.actionRule(rule))).startsWith("Plugin 'gates' was refused:"
                + " action rule 'gate' guards 'activity.recrod' which is not an action the platform guards (one of "));
    }

    @Test
    void aPartNamedInsideACompoundClockConditionIsChecked() {
        ClockDefinition clock = ClockDefinition.of("contact", "Contact", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3)).onlyWhen(
                org.carespec.plugin.api.clock.ClockCondition.anyOf(
                        org.carespec.plugin.api.clock.ClockCondition.eligible(),
                        org.carespec.plugin.api.clock.ClockCondition.partIn("part-9")));
        assertEquals("Plugin 'parts' was refused: clock 'contact' applies to specification part 'part-9' which the"
                + " plugin does not declare", refusal(TestPlugin.of("parts", c -> c.specificationPart(
                new SpecificationPart("part-1", "Part 1", "Council", REF)).clock(clock))));
    }

    @Test
    void aRecordTypeNamingAnUndeclaredCodeListOrLinkOrStatusIsRefused() {
        JsonSchema agency = new JsonSchema("a.json", "{\"type\": \"object\", \"properties\": {\"partner\":"
                + " {\"type\": \"string\", \"x-code-list\": \"agency\"}}}");
        assertEquals("Plugin 'lists' was refused: record type 'visit' field 'partner' names code list 'agency' which"
                + " the plugin does not declare", refusal(TestPlugin.of("lists", c -> c.recordType(
                RecordType.of("visit", 1, "Visit", Subject.NONE, agency, REF)))));
        assertEquals("Plugin 'links' was refused: record type 'award' links 'application' to record type"
                + " 'application' which the plugin does not declare", refusal(TestPlugin.of("links", c -> c.recordType(
                RecordType.of("award", 1, "Award", Subject.NONE, OBJECT, REF).withLink(
                        org.carespec.plugin.api.record.RecordLink.required("application", "application"))))));
        assertTrue(refusal(TestPlugin.of("moves", c -> c.recordType(RecordType.of("bid", 1, "Bid", Subject.NONE,
                OBJECT, REF).withLifecycle(org.carespec.plugin.api.record.Lifecycle.of("APPLIED", "AWARDED")
                .allow("APPLIED", "REFUSED"))))).endsWith("has a move to 'REFUSED' which is not one of its statuses"
                + " [APPLIED, AWARDED]"));
    }

    @Test
    void aClockWaitingForARecordTypeThePluginLacksIsRefused() {
        ClockDefinition clock = ClockDefinition.of("assessed", "Assessed", REF, Milestone.received(),
                Milestone.recordCreated("assessment"), Deadline.calendarDays(7));
        assertEquals("Plugin 'waits' was refused: clock 'assessed' waits for record type 'assessment' which the"
                + " plugin does not declare", refusal(TestPlugin.of("waits", c -> c.clock(clock))));
    }

    @Test
    void aClockOfZeroDaysIsRefused() {
        ClockDefinition clock = ClockDefinition.of("instant", "Instant", REF, Milestone.received(),
                Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(0));
        assertTrue(refusal(TestPlugin.of("zero", c -> c.clock(clock))).contains("must be at least 1"));
    }

    @Test
    void theSameFormVersionTwiceIsRefused() {
        RecordType plan = RecordType.of("care-plan", 1, "Plan", Subject.PERSON, OBJECT, REF);
        assertEquals("Plugin 'forms' was refused: record type 'care-plan' version 1 is declared twice",
                refusal(TestPlugin.of("forms", c -> c.recordType(plan).recordType(plan))));
    }

    @Test
    void aRecordTypeMayNotTakeTheNameOfThePlatformsPlans() {
        assertEquals("Plugin 'forms' was refused: record type 'plan': the code names the platform's plans (a clock"
                + " reads the agreed plan's review interval by it); use the plans API, or another code",
                refusal(TestPlugin.of("forms", c -> c.recordType(RecordType.of("plan", 1, "Plan", Subject.PERSON,
                        OBJECT, REF)))));
    }

    @Test
    void duplicateCodesInACodeListAreRefused() {
        CodeList list = CodeList.builder("referral-source", "Sources", REF).add("GP", "GP").add("GP", "Doctor").build();
        assertEquals("Plugin 'codes' was refused: code in list 'referral-source' code 'GP' is used twice",
                refusal(TestPlugin.of("codes", c -> c.codeList(list))));
    }

    @Test
    void anIdThatIsNotKebabCaseIsRefused() {
        String message = refusal(TestPlugin.of("Carers_Options", c -> { }));
        assertTrue(message.contains("id 'Carers_Options' must be lower-case words joined by hyphens"), message);
    }

    @Test
    void aPluginNamingNoSpecificationIsRefused() {
        CarespecPlugin plugin = new TestPlugin(new PluginDescriptor("nospec", "No spec", "1.0",
                org.carespec.plugin.api.VersionRange.parse("[2.0,3.0)"), List.of()), c -> { });
        assertEquals("Plugin 'nospec' was refused: the descriptor names no specification it implements",
                refusal(plugin));
    }

    @Test
    void migrationsThatAreNotOnTheClassPathAreRefused() {
        assertEquals("Plugin 'lost' was refused: migration location 'db/lost' is not on the class path",
                refusal(TestPlugin.of("lost", c -> c.migrations("db/lost"))));
    }

    @Test
    void migrationsMayNotUseThePlatformsFolder() {
        assertTrue(refusal(TestPlugin.of("sneaky", c -> c.migrations("db/platform"))).contains("a folder of its own"));
    }

    @Test
    void aPluginWhoseContributeFailsIsRefusedWithTheCause() {
        String message = refusal(TestPlugin.of("crashy", c -> {
            throw new IllegalStateException("resource missing");
        }));
        assertTrue(message.startsWith("Plugin 'crashy' was refused: contribute() failed:"), message);
        assertTrue(message.contains("resource missing"), message);
    }
}
