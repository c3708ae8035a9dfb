package org.carespec.platform.module.service;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.InstalledRecordType;
import org.carespec.plugin.api.SpecReference;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.obligation.DueRule;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.workforce.Credential;

/** Describes an installed plugin for {@code GET /api/v1/modules}. */
@Singleton
public class ModuleCatalogue {

    public ModuleView describe(InstalledPlugin p) {
        var d = p.descriptor();
        List<ModuleView.RuleView> rules = new ArrayList<>();
        p.eligibilityRules().forEach(r -> rules.add(new ModuleView.RuleView("ELIGIBILITY", r.code(), s(r.source()), null)));
        p.priorityRules().forEach(r -> rules.add(new ModuleView.RuleView("PRIORITY", r.code(), s(r.source()), null)));
        p.actionRules().forEach(r -> rules.add(new ModuleView.RuleView("ACTION", r.code(), s(r.source()), r.action())));
        return new ModuleView(d.id(), d.name(), d.version(), d.requiresApi().toString(),
                d.specifications().stream().map(x -> new ModuleView.SpecificationView(x.number(), x.title(),
                        x.commissioner(), x.seed())).toList(),
                Json.toMap(p.settingsSchema().document()),
                p.forms().stream().map(f -> new ModuleView.FormView(f.code(), f.version(), f.definition().title(),
                        s(f.definition().source()),
                        f.definition().referralSources().stream().sorted().toList(),
                        f.definition().sensitiveFields().stream().sorted().toList(),
                        Json.toMap(f.schema().document()))).toList(),
                p.recordTypes().stream().map(ModuleCatalogue::recordType).toList(),
                p.specificationParts().stream().map(x -> new ModuleView.PartView(x.code(), x.title(), x.commissioner(),
                        s(x.source()))).toList(),
                p.permissions().stream().map(x -> new ModuleView.PermissionView(x.code(), x.title(),
                        x.roles().stream().map(Enum::name).sorted().toList(), s(x.source()))).toList(),
                p.referralEvents().stream().map(e -> new ModuleView.CodeView(e.code(), e.title(), null)).toList(),
                p.codeLists().values().stream().sorted((a, b) -> a.code().compareTo(b.code()))
                        .map(l -> new ModuleView.CodeListView(l.code(), l.title(), s(l.source()),
                                l.codes().stream().map(c -> new ModuleView.CodeView(c.code(), c.label(), c.group())).toList()))
                        .toList(),
                p.clocks().stream().map(ModuleCatalogue::clock).toList(),
                rules,
                p.kpis().stream().map(k -> new ModuleView.KpiView(k.code(), k.title(), s(k.source()), k.unit().name(),
                        k.period().name(), k.breakdowns().stream().map(b -> new ModuleView.CodeView(b.code(), b.title(), null))
                        .toList(), k.computation() instanceof KpiComputation.Manual ? "MANUAL" : "COMPUTED",
                        k.parts().stream().sorted().toList())).toList(),
                p.narratives().stream().map(n -> new ModuleView.NarrativeView(n.code(), n.title(), s(n.source()),
                        n.guidance())).toList(),
                p.obligations().stream().map(o -> new ModuleView.ObligationView(o.code(), o.title(), s(o.source()),
                        due(o.due()))).toList(),
                p.outcomeInstruments().stream().map(i -> new ModuleView.InstrumentView(i.code(), i.title(), s(i.source()),
                        i.scales().stream().map(sc -> new ModuleView.ScaleView(sc.code(), sc.title(), sc.min(), sc.max()))
                                .toList())).toList(),
                p.workerRequirements().stream().map(w -> new ModuleView.WorkerRequirementView(w.code(), w.title(),
                        s(w.source()), w.activityTypes().stream().sorted().toList(),
                        w.workerKinds().stream().sorted().toList(), credential(w.credential()))).toList());
    }

    private static ModuleView.ClockView clock(ClockDefinition c) {
        List<String> stops = c.stops().stream().map(ModuleCatalogue::milestone).toList();
        return new ModuleView.ClockView(c.code(), c.title(), s(c.source()), milestone(c.start()), stops.get(0), stops,
                condition(c.condition()), c.deadline().amount(), c.deadline().unit().name(), c.deadline().setting(),
                c.recurring());
    }

    private static ModuleView.RecordTypeView recordType(InstalledRecordType t) {
        RecordType d = t.definition();
        ModuleView.LifecycleView lifecycle = null;
        if (d.lifecycle() != null) {
            Map<String, List<String>> moves = new LinkedHashMap<>();
            d.lifecycle().moves().forEach((from, to) -> moves.put(from, List.copyOf(to)));
            lifecycle = new ModuleView.LifecycleView(d.lifecycle().initial(), moves);
        }
        return new ModuleView.RecordTypeView(d.code(), d.version(), d.title(), d.subject().name(), s(d.source()),
                d.sensitiveFields().stream().sorted().toList(), lifecycle,
                d.links().stream().map(l -> new ModuleView.LinkView(l.name(), l.targetType(), l.required())).toList(),
                new java.util.TreeMap<>(d.restrictedFields()),
                Json.toMap(t.schema().document()));
    }

    static String condition(ClockCondition c) {
        if (c == null) {
            return null;
        }
        if (c instanceof ClockCondition.PriorityIn p) {
            return "PRIORITY in " + String.join(", ", p.priorities().stream().map(Enum::name).sorted().toList());
        }
        if (c instanceof ClockCondition.Eligible) {
            return "ELIGIBLE";
        }
        if (c instanceof ClockCondition.PartIn p) {
            return "PART in " + String.join(", ", p.parts().stream().sorted().toList());
        }
        if (c instanceof ClockCondition.SourceIn s) {
            return "SOURCE in " + String.join(", ", s.sources().stream().sorted().toList());
        }
        ClockCondition.FieldEquals f = (ClockCondition.FieldEquals) c;
        return "FIELD " + f.pointer() + " = " + f.value();
    }

    static String milestone(Milestone m) {
        if (m instanceof Milestone.Event e) {
            return e.type().name();
        }
        if (m instanceof Milestone.ModuleEvent e) {
            return e.code();
        }
        if (m instanceof Milestone.Birthday b) {
            return "BIRTHDAY:" + b.years();
        }
        if (m instanceof Milestone.RecordCreated r) {
            return "RECORD:" + r.typeCode();
        }
        if (m instanceof Milestone.RecordReached r) {
            return "RECORD:" + r.typeCode() + ":" + r.status();
        }
        return "RECEIVED";
    }

    static String due(DueRule rule) {
        if (rule instanceof DueRule.AfterEachQuarter q) {
            return q.workingDays() + " working days after each quarter ends";
        }
        if (rule instanceof DueRule.QuarterlyReturn) {
            return "when each quarter's return is due; done when the return is submitted";
        }
        if (rule instanceof DueRule.EachQuarter) {
            return "by the end of each quarter";
        }
        if (rule instanceof DueRule.EachYearOn y) {
            return "each year by " + y.date().getDayOfMonth() + " " + y.date().getMonth().getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.UK);
        }
        if (rule instanceof DueRule.EachContractYear) {
            return "by the last day of each contract year, the final year included";
        }
        if (rule instanceof DueRule.AfterReferralEvent e) {
            return "for each referral, " + e.amount() + " " + e.unit().name().toLowerCase().replace('_', ' ')
                    + " after its first " + e.event();
        }
        DueRule.AfterContractStart a = (DueRule.AfterContractStart) rule;
        return "once, " + a.amount() + " " + a.unit().name().toLowerCase().replace('_', ' ') + " after the contract starts";
    }

    static String credential(Credential c) {
        if (c instanceof Credential.DbsCheck dbs) {
            return "DBS " + dbs.level();
        }
        if (c instanceof Credential.Training t) {
            return "training " + t.trainingCode() + " within " + t.validForMonths() + " months";
        }
        return c instanceof Credential.MotorInsurance ? "motor insurance" : "driving licence";
    }

    private static String s(SpecReference reference) {
        return reference == null ? null : reference.toString();
    }
}
