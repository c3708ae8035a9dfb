package org.carespec.platform.plugin;

import java.util.ArrayList;
import java.util.List;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.NarrativeDefinition;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/** Records what one plugin contributes, as given, for the validator to check. */
final class ContributionCollector implements Contributions {

    final List<String> migrations = new ArrayList<>();
    final List<JsonSchema> settings = new ArrayList<>();
    final List<ReferralForm> forms = new ArrayList<>();
    final List<RecordType> recordTypes = new ArrayList<>();
    final List<CodeList> codeLists = new ArrayList<>();
    final List<org.carespec.plugin.api.SpecificationPart> parts = new ArrayList<>();
    final List<org.carespec.plugin.api.Permission> permissions = new ArrayList<>();
    final List<org.carespec.plugin.api.ReferralEventDefinition> referralEvents = new ArrayList<>();
    final List<ClockDefinition> clocks = new ArrayList<>();
    final List<EligibilityRule> eligibilityRules = new ArrayList<>();
    final List<PriorityRule> priorityRules = new ArrayList<>();
    final List<ActionRule> actionRules = new ArrayList<>();
    final List<KpiDefinition> kpis = new ArrayList<>();
    final List<NarrativeDefinition> narratives = new ArrayList<>();
    final List<ObligationDefinition> obligations = new ArrayList<>();
    final List<OutcomeInstrument> instruments = new ArrayList<>();
    final List<WorkerRequirement> workerRequirements = new ArrayList<>();
    final List<org.carespec.plugin.api.demo.DemoCases> demoCases = new ArrayList<>();

    @Override
    public Contributions migrations(String classpathLocation) {
        migrations.add(classpathLocation);
        return this;
    }

    @Override
    public Contributions settings(JsonSchema schema) {
        settings.add(schema);
        return this;
    }

    @Override
    public Contributions referralForm(ReferralForm form) {
        forms.add(form);
        return this;
    }

    @Override
    public Contributions recordType(RecordType type) {
        recordTypes.add(type);
        return this;
    }

    @Override
    public Contributions specificationPart(org.carespec.plugin.api.SpecificationPart part) {
        parts.add(part);
        return this;
    }

    @Override
    public Contributions referralEvent(org.carespec.plugin.api.ReferralEventDefinition event) {
        referralEvents.add(event);
        return this;
    }

    @Override
    public Contributions permission(org.carespec.plugin.api.Permission permission) {
        permissions.add(permission);
        return this;
    }

    @Override
    public Contributions codeList(CodeList codeList) {
        codeLists.add(codeList);
        return this;
    }

    @Override
    public Contributions clock(ClockDefinition clock) {
        clocks.add(clock);
        return this;
    }

    @Override
    public Contributions eligibilityRule(EligibilityRule rule) {
        eligibilityRules.add(rule);
        return this;
    }

    @Override
    public Contributions priorityRule(PriorityRule rule) {
        priorityRules.add(rule);
        return this;
    }

    @Override
    public Contributions actionRule(ActionRule rule) {
        actionRules.add(rule);
        return this;
    }

    @Override
    public Contributions kpi(KpiDefinition kpi) {
        kpis.add(kpi);
        return this;
    }

    @Override
    public Contributions narrative(NarrativeDefinition narrative) {
        narratives.add(narrative);
        return this;
    }

    @Override
    public Contributions obligation(ObligationDefinition obligation) {
        obligations.add(obligation);
        return this;
    }

    @Override
    public Contributions outcomeInstrument(OutcomeInstrument instrument) {
        instruments.add(instrument);
        return this;
    }

    @Override
    public Contributions workerRequirement(WorkerRequirement requirement) {
        workerRequirements.add(requirement);
        return this;
    }

    @Override
    public Contributions demoCases(org.carespec.plugin.api.demo.DemoCases cases) {
        demoCases.add(java.util.Objects.requireNonNull(cases, "cases"));
        return this;
    }
}
