package org.carespec.platform.module.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.carespec.plugin.api.kpi.KpiUnit;

/** An installed module, as developers and administrators see it: everything it contributes, each with its source. */
@Serdeable
public record ModuleView(String id, String name, String version, String requiresApi,
                         List<SpecificationView> specifications, Map<String, Object> settingsSchema,
                         List<FormView> forms, List<RecordTypeView> recordTypes, List<PartView> specificationParts,
                         List<PermissionView> permissions, List<CodeView> referralEvents,
                         List<CodeListView> codeLists, List<ClockView> clocks,
                         List<RuleView> rules, List<KpiView> kpis, List<NarrativeView> narratives,
                         List<ObligationView> obligations, List<InstrumentView> outcomeInstruments,
                         List<WorkerRequirementView> workerRequirements) {

    @Serdeable
    public record SpecificationView(@Nullable String number, String title, String commissioner, String seed) {
    }

    /** A referral form. */
    @Serdeable
    public record FormView(String code, int version, String title, String source,
                           List<String> referralSources, List<String> sensitiveFields, Map<String, Object> schema) {
    }

    /**
     * Something the module records, served at /api/v1/contracts/{id}/records/{code}.
     *
     * @param subject   PERSON, PERSON_OPTIONAL or NONE (a contract-level record)
     * @param lifecycle its statuses and moves, absent when a record has no status
     */
    @Serdeable
    public record RecordTypeView(String code, int version, String title, String subject, @Nullable String source,
                                 List<String> sensitiveFields, @Nullable LifecycleView lifecycle,
                                 List<LinkView> links, Map<String, String> restrictedFields,
                                 Map<String, Object> schema) {
    }

    /** A part of the specification a contract commissions on its own (004 Part 1 and Part 2). */
    @Serdeable
    public record PartView(String code, String title, @Nullable String commissioner, @Nullable String source) {
    }

    /** A permission of the module and the platform roles that hold it. */
    @Serdeable
    public record PermissionView(String code, String title, List<String> roles, @Nullable String source) {
    }

    @Serdeable
    public record LifecycleView(String initial, Map<String, List<String>> moves) {
    }

    @Serdeable
    public record LinkView(String name, String targetType, boolean required) {
    }

    @Serdeable
    public record CodeListView(String code, String title, @Nullable String source, List<CodeView> codes) {
    }

    @Serdeable
    public record CodeView(String code, String label, @Nullable String group) {
    }

    @Serdeable
    /**
     * @param stop      the first of {@code stops} (API 1.1)
     * @param stops     the milestones that meet it, whichever comes first
     * @param condition when the clock applies ("PRIORITY in HIGH"), absent when it applies to every referral
     */
    public record ClockView(String code, String title, String source, String start, String stop, List<String> stops,
                            @Nullable String condition, int amount, String unit, @Nullable String variableAt,
                            boolean recurring) {
    }

    @Serdeable
    public record RuleView(String kind, String code, String source, @Nullable String action) {
    }

    @Serdeable
    public record KpiView(String code, String title, String source,
                          @Schema(implementation = KpiUnit.class) String unit, String period,
                          List<CodeView> breakdowns, String computation, List<String> parts) {
    }

    @Serdeable
    public record NarrativeView(String code, String title, String source, String guidance) {
    }

    @Serdeable
    public record ObligationView(String code, String title, String source, String due) {
    }

    @Serdeable
    public record InstrumentView(String code, String title, String source, List<ScaleView> scales) {
    }

    @Serdeable
    public record ScaleView(String code, String title, int min, int max) {
    }

    @Serdeable
    public record WorkerRequirementView(String code, String title, String source, List<String> activityTypes,
                                        List<String> workerKinds, String credential) {
    }
}
