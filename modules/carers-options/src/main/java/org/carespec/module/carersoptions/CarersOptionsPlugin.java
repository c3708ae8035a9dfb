package org.carespec.module.carersoptions;

import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.Specification;

/**
 * Mental Health Carers Options Service, commissioned by the Kirklees Mental Health Partnership (seed 002).
 * The reference plugin: every rule, clock and KPI cites the section it comes from.
 */
public final class CarersOptionsPlugin implements CarespecPlugin {

    public static final String ID = "carers-options";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Mental Health Carers Options Service", "0.4.0", "[2.2,3.0)",
                new Specification(null, "Mental Health Carers Options Service",
                        "Kirklees Mental Health Partnership (Kirklees Council and Kirklees PCT)", Sections.SEED));
    }

    @Override
    public void contribute(Contributions c) {
        c.settings(JsonSchema.fromResource(CarersOptionsPlugin.class, "/carers-options/settings.schema.json"));
        CarersOptionsCodes.ALL.forEach(c::codeList);
        CarersOptionsForms.REFERRAL_FORMS.forEach(c::referralForm);
        CarersOptionsForms.RECORD_TYPES.forEach(c::recordType);
        CarerEligibility.ALL.forEach(c::eligibilityRule);
        CarerPriority.ALL.forEach(c::priorityRule);
        c.actionRule(ServiceLevels.RULE);
        c.actionRule(CarersOptionsActivities.BREAK_NAMES_ITS_WORKER);
        CarersOptionsDuties.CLOCKS.forEach(c::clock);
        CarersOptionsDuties.OBLIGATIONS.forEach(c::obligation);
        c.workerRequirement(CarersOptionsDuties.VOLUNTEER_TRAINING);
        c.outcomeInstrument(CarersOptionsDuties.CARERS_STAR);
        CarersOptionsReturn.KPIS.forEach(c::kpi);
        CarersOptionsReturn.NARRATIVES.forEach(c::narrative);
        c.demoCases(new KirkleesDemo());
    }
}
