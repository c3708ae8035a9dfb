package org.carespec.plugin.api;

import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.NarrativeDefinition;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/**
 * What a plugin registers with the platform, one call per thing. The platform implements this
 * interface; a plugin only calls it from {@link CarespecPlugin#contribute(Contributions)}.
 *
 * <p>New kinds of contribution arrive as new methods in a later minor version of the API; a plugin
 * that uses them must require that version in its descriptor.
 */
public interface Contributions {

    /**
     * The class-path folder of the plugin's Flyway migrations ({@code db/carers-options}). They run after the
     * platform's, into the history table {@code flyway_history_<id>}. Tables must carry {@code tenant_id}.
     */
    Contributions migrations(String classpathLocation);

    /** The JSON Schema of the per-contract settings, with {@code default}s that the platform fills in. */
    Contributions settings(JsonSchema schema);

    /** The form a referral carries (one per referral source, or a default), versioned. */
    Contributions referralForm(ReferralForm form);

    /**
     * Something the module records (an assessment, a plan, a break, a training session, a funding application),
     * versioned: stored, isolated, audited, served and reported by the platform.
     */
    Contributions recordType(RecordType type);

    /**
     * A part of the specification commissioned on its own (004 Part 1 and Part 2); a contract of a module that
     * declares parts must name one.
     */
    Contributions specificationPart(SpecificationPart part);

    /** An event of a referral the specification names beside the platform's own; it never changes the status. */
    Contributions referralEvent(ReferralEventDefinition event);

    /** A permission the module's record types can restrict fields to, with the roles that hold it. */
    Contributions permission(Permission permission);

    /** A list of codes (referral sources, decline reasons, group types…). */
    Contributions codeList(CodeList codeList);

    /** A response-time promise computed on the tenant's working-day calendar. */
    Contributions clock(ClockDefinition clock);

    /** An eligibility rule run on every new referral; failures give the person a readable reason. */
    Contributions eligibilityRule(EligibilityRule rule);

    /** A priority rule run on every new referral. */
    Contributions priorityRule(PriorityRule rule);

    /** A check the specification imposes before an action is allowed (e.g. an enhanced service needs a CLA). */
    Contributions actionRule(ActionRule rule);

    /** A figure of the quarterly or annual return. */
    Contributions kpi(KpiDefinition kpi);

    /** A line of the return that a person writes (unmet needs, testimony). */
    Contributions narrative(NarrativeDefinition narrative);

    /** A contract duty with a due-date rule (annual report, Equality Impact Assessment…). */
    Contributions obligation(ObligationDefinition obligation);

    /** An outcome measure with scales (an outcome star). */
    Contributions outcomeInstrument(OutcomeInstrument instrument);

    /** What a worker must hold before being assigned to some work (an enhanced DBS check…). */
    Contributions workerRequirement(WorkerRequirement requirement);

    /** Cases for the run command's demo tenant (optional; never loaded in production, see README). */
    Contributions demoCases(org.carespec.plugin.api.demo.DemoCases cases);
}
