package org.carespec.platform.plugin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.platform.json.CompiledSchema;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.NarrativeDefinition;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.rules.ActionRule;
import org.carespec.plugin.api.rules.EligibilityRule;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.demo.DemoCases;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/** A plugin that passed validation: its descriptor and everything it contributed, checked and ready to use. */
public final class InstalledPlugin {

    private final PluginDescriptor descriptor;
    private final String migrations;
    private final CompiledSchema settingsSchema;
    private final List<InstalledForm> forms;
    private final List<InstalledRecordType> recordTypes;
    private final List<org.carespec.plugin.api.SpecificationPart> parts;
    private final List<org.carespec.plugin.api.Permission> permissions;
    private final List<org.carespec.plugin.api.ReferralEventDefinition> referralEvents;
    private final Map<String, CodeList> codeLists;
    private final List<ClockDefinition> clocks;
    private final List<EligibilityRule> eligibilityRules;
    private final List<PriorityRule> priorityRules;
    private final List<ActionRule> actionRules;
    private final List<KpiDefinition> kpis;
    private final List<NarrativeDefinition> narratives;
    private final List<ObligationDefinition> obligations;
    private final List<OutcomeInstrument> instruments;
    private final List<WorkerRequirement> workerRequirements;
    private final List<DemoCases> demoCases;

    InstalledPlugin(PluginDescriptor descriptor, ContributionCollector c, CompiledSchema settingsSchema,
                    List<InstalledForm> forms, List<InstalledRecordType> recordTypes) {
        this.descriptor = descriptor;
        this.migrations = c.migrations.isEmpty() ? null : c.migrations.get(0);
        this.settingsSchema = settingsSchema;
        this.forms = List.copyOf(forms);
        this.recordTypes = List.copyOf(recordTypes);
        this.parts = List.copyOf(c.parts);
        this.permissions = List.copyOf(c.permissions);
        this.referralEvents = List.copyOf(c.referralEvents);
        Map<String, CodeList> lists = new LinkedHashMap<>();
        c.codeLists.forEach(list -> lists.put(list.code(), list));
        this.codeLists = Map.copyOf(lists);
        this.clocks = List.copyOf(c.clocks);
        this.eligibilityRules = List.copyOf(c.eligibilityRules);
        this.priorityRules = List.copyOf(c.priorityRules);
        this.actionRules = List.copyOf(c.actionRules);
        this.kpis = List.copyOf(c.kpis);
        this.narratives = List.copyOf(c.narratives);
        this.obligations = List.copyOf(c.obligations);
        this.instruments = List.copyOf(c.instruments);
        this.workerRequirements = List.copyOf(c.workerRequirements);
        this.demoCases = List.copyOf(c.demoCases);
    }

    public String id() {
        return descriptor.id();
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /** The PostgreSQL schema holding the plugin's tables: its id with hyphens as underscores. */
    public String databaseSchema() {
        return schemaNameFor(descriptor.id());
    }

    static String schemaNameFor(String pluginId) {
        return pluginId.replace('-', '_');
    }

    public Optional<String> migrations() {
        return Optional.ofNullable(migrations);
    }

    public CompiledSchema settingsSchema() {
        return settingsSchema;
    }

    /** The referral forms, every version. */
    public List<InstalledForm> forms() {
        return forms;
    }

    /** The newest referral form for a source: one naming the source, else the default referral form. */
    public Optional<InstalledForm> referralFormFor(String source) {
        return forms.stream()
                .filter(f -> f.definition().referralSources().contains(source))
                .max(Comparator.comparingInt(InstalledForm::version))
                .or(() -> forms.stream()
                        .filter(f -> f.definition().referralSources().isEmpty())
                        .max(Comparator.comparingInt(InstalledForm::version)));
    }

    /** The parts of the specification commissioned on their own; empty when the module implements it whole. */
    public List<org.carespec.plugin.api.SpecificationPart> specificationParts() {
        return parts;
    }

    /** The referral events the module declares beside the platform's own. */
    public List<org.carespec.plugin.api.ReferralEventDefinition> referralEvents() {
        return referralEvents;
    }

    /** The permissions the module declares, with the roles that hold them. */
    public List<org.carespec.plugin.api.Permission> permissions() {
        return permissions;
    }

    /** Whether someone with these roles holds the module's permission (an undeclared one is held by nobody). */
    public boolean grants(String permission, java.util.Set<org.carespec.plugin.api.Role> roles) {
        return permissions.stream().anyMatch(p -> p.code().equals(permission)
                && p.roles().stream().anyMatch(roles::contains));
    }

    /** The record types, every version. */
    public List<InstalledRecordType> recordTypes() {
        return recordTypes;
    }

    /** The newest version of a record type. */
    public Optional<InstalledRecordType> latestRecordType(String code) {
        return recordTypes.stream().filter(t -> t.code().equals(code))
                .max(Comparator.comparingInt(InstalledRecordType::version));
    }

    /** The version of a record type a record was made with. */
    public Optional<InstalledRecordType> recordType(String code, int version) {
        return recordTypes.stream().filter(t -> t.code().equals(code) && t.version() == version).findFirst();
    }

    public Map<String, CodeList> codeLists() {
        return codeLists;
    }

    public Optional<CodeList> codeList(String code) {
        return Optional.ofNullable(codeLists.get(code));
    }

    public List<ClockDefinition> clocks() {
        return clocks;
    }

    public List<EligibilityRule> eligibilityRules() {
        return eligibilityRules;
    }

    public List<PriorityRule> priorityRules() {
        return priorityRules;
    }

    public List<ActionRule> actionRules() {
        return actionRules;
    }

    public List<KpiDefinition> kpis() {
        return kpis;
    }

    public List<NarrativeDefinition> narratives() {
        return narratives;
    }

    public List<ObligationDefinition> obligations() {
        return obligations;
    }

    public List<OutcomeInstrument> outcomeInstruments() {
        return instruments;
    }

    public List<WorkerRequirement> workerRequirements() {
        return workerRequirements;
    }

    public List<DemoCases> demoCases() {
        return demoCases;
    }
}
