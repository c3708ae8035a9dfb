package org.carespec.platform.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.carespec.platform.json.CompiledSchema;
import org.carespec.platform.json.SchemaCompiler;
import org.carespec.platform.json.SchemaProblem;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.Version;
import org.carespec.plugin.api.clock.ClockCondition;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.codes.Code;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.kpi.Breakdown;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.obligation.DueRule;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.outcome.Scale;
import org.carespec.plugin.api.record.Lifecycle;
import org.carespec.plugin.api.record.RecordLink;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.rules.GuardedActions;

/**
 * Checks one plugin before the platform uses it: a readable id, an API range that contains the running API,
 * valid JSON Schemas, unique codes everywhere codes must be unique. The first problem found refuses the plugin.
 */
final class PluginValidator {

    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern KPI_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$");
    private static final Pattern VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
    private static final String EMPTY_SETTINGS = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"additionalProperties\":false}";

    private final Version apiVersion;

    PluginValidator(Version apiVersion) {
        this.apiVersion = apiVersion;
    }

    InstalledPlugin install(CarespecPlugin plugin) {
        PluginDescriptor descriptor = describe(plugin);
        String id = descriptor.id();
        ContributionCollector c = new ContributionCollector();
        try {
            plugin.contribute(c);
        } catch (RuntimeException e) {
            throw PluginRejectedException.of(id, "contribute() failed: " + e);
        }
        try {
            checkMigrations(plugin, c);
            CompiledSchema settings = settingsSchema(id, c.settings);
            List<InstalledForm> forms = forms(c.forms);
            List<InstalledRecordType> recordTypes = recordTypes(c.recordTypes);
            checkCodeLists(c.codeLists);
            Set<String> lists = new HashSet<>();
            c.codeLists.forEach(l -> lists.add(l.code()));
            forms.forEach(f -> requireLists("referral form '" + f.code() + "'", f.codeFields(), lists));
            recordTypes.forEach(t -> requireLists("record type '" + t.code() + "'", t.codeFields(), lists));
            checkReferralEvents(c);
            checkParts(c);
            checkPermissions(c);
            checkClocks(c.clocks, c.recordTypes, c.codeLists, settings);
            c.clocks.forEach(clock -> checkPerCaseDeadline(clock, recordTypes));
            unique("eligibility rule", c.eligibilityRules, r -> r.code());
            unique("priority rule", c.priorityRules, r -> r.code());
            unique("action rule", c.actionRules, r -> r.code());
            for (var rule : c.actionRules) {
                if (!GuardedActions.ALL.contains(rule.action())) {
                    throw new Problem("action rule '" + rule.code() + "' guards '" + rule.action()
                            + "' which is not an action the platform guards (one of "
                            + String.join(", ", GuardedActions.ALL.stream().sorted().toList()) + ")");
                }
            }
            checkKpis(c.kpis);
            unique("return line", concat(c.kpis.stream().map(KpiDefinition::code).toList(),
                    c.narratives.stream().map(n -> n.code()).toList()), Function.identity());
            unique("obligation", c.obligations, o -> o.code());
            checkObligations(c.obligations);
            checkInstruments(c.instruments);
            unique("worker requirement", c.workerRequirements, r -> r.code());
            return new InstalledPlugin(descriptor, c, settings, forms, recordTypes);
        } catch (Problem p) {
            throw PluginRejectedException.of(id, p.getMessage());
        } catch (SchemaProblem p) {
            throw PluginRejectedException.of(id, p.getMessage());
        }
    }

    private PluginDescriptor describe(CarespecPlugin plugin) {
        String where = plugin.getClass().getName();
        PluginDescriptor d;
        try {
            d = plugin.descriptor();
        } catch (RuntimeException e) {
            throw new PluginRejectedException("Plugin " + where + " was refused: descriptor() failed: " + e);
        }
        if (d == null) {
            throw new PluginRejectedException("Plugin " + where + " was refused: descriptor() returned null");
        }
        if (!ID.matcher(d.id()).matches() || d.id().length() > 40) {
            throw new PluginRejectedException("Plugin " + where + " was refused: id '" + d.id()
                    + "' must be lower-case words joined by hyphens, at most 40 characters");
        }
        if (isBlank(d.name()) || isBlank(d.version())) {
            throw PluginRejectedException.of(d.id(), "the descriptor needs a name and a version");
        }
        if (!d.requiresApi().contains(apiVersion)) {
            throw PluginRejectedException.of(d.id(), "it requires plugin-api " + d.requiresApi()
                    + " but this platform provides " + apiVersion);
        }
        if (d.specifications().isEmpty()) {
            throw PluginRejectedException.of(d.id(), "the descriptor names no specification it implements");
        }
        return d;
    }

    /** Codes must be usable in the obligation URLs; amounts must be a real span of time. */
    private static void checkObligations(List<ObligationDefinition> obligations) {
        for (ObligationDefinition o : obligations) {
            if (!o.code().matches("^[a-z0-9-]{1,64}$")) {
                throw new Problem("obligation code '" + o.code() + "' must be lower-case letters, digits and hyphens,"
                        + " at most 64");
            }
            int amount = o.due() instanceof DueRule.AfterContractStart r ? r.amount()
                    : o.due() instanceof DueRule.AfterReferralEvent r ? r.amount()
                    : o.due() instanceof DueRule.AfterEachQuarter r ? r.workingDays() : 1;
            if (amount < 1 || amount > 1000) {
                throw new Problem("obligation " + o.code() + " falls due " + amount + " units after its start; it"
                        + " must be 1 to 1000");
            }
        }
    }

    private void checkMigrations(CarespecPlugin plugin, ContributionCollector c) {
        if (c.migrations.size() > 1) {
            throw new Problem("it names " + c.migrations.size() + " migration locations; one is allowed");
        }
        for (String location : c.migrations) {
            String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            if (path.isBlank() || path.startsWith("/") || path.equals("db") || path.startsWith("db/platform")) {
                throw new Problem("migration location '" + location + "' must be a folder of its own such as db/"
                        + "<plugin-id>");
            }
            if (plugin.getClass().getClassLoader().getResource(path) == null) {
                throw new Problem("migration location '" + location + "' is not on the class path");
            }
        }
    }

    /**
     * A module shows integrators what its forms take through the JSON Schema {@code examples} keyword (served with
     * the module, {@code GET /api/v1/modules/{id}}); each example must be valid against its own schema.
     */
    private static void requireValidExamples(String what, CompiledSchema schema) {
        com.fasterxml.jackson.databind.JsonNode examples = schema.document().path("examples");
        for (int i = 0; i < examples.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode example = examples.get(i);
            if (!(example instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
                throw new Problem(what + " example " + (i + 1) + " is not a JSON object");
            }
            var errors = schema.applyDefaultsAndValidate(object.deepCopy(), "");
            if (!errors.isEmpty()) {
                throw new Problem(what + " example " + (i + 1) + " is not valid against its schema: "
                        + errors.get(0).field() + " " + errors.get(0).detail());
            }
        }
    }

    private CompiledSchema settingsSchema(String id, List<JsonSchema> settings) {
        if (settings.size() > 1) {
            throw new Problem("it contributes " + settings.size() + " settings schemas; one is allowed");
        }
        if (settings.isEmpty()) {
            return SchemaCompiler.compile(id + " (no settings)", EMPTY_SETTINGS);
        }
        CompiledSchema schema = SchemaCompiler.compile(settings.get(0).source(), settings.get(0).json());
        if (!"object".equals(schema.document().path("type").asText())) {
            throw new Problem("settings schema " + settings.get(0).source() + " must have \"type\": \"object\"");
        }
        return schema;
    }

    private List<InstalledForm> forms(List<ReferralForm> definitions) {
        Set<String> seen = new HashSet<>();
        List<InstalledForm> forms = new ArrayList<>();
        for (ReferralForm f : definitions) {
            requireCode("referral form", f.code());
            versioned("referral form", f.code(), f.version(), seen);
            CompiledSchema schema = objectSchema("referral form '" + f.code() + "'", f.schema());
            for (String pointer : f.letterRecipients()) {
                com.fasterxml.jackson.databind.JsonNode who = property(schema, pointer);
                if (who == null || !who.path("properties").has("name")) {
                    throw new Problem("referral form '" + f.code() + "' sends letters to '" + pointer + "', which its"
                            + " schema does not define as an object with a name");
                }
            }
            forms.add(new InstalledForm(f, schema, CodeFields.of(schema.document())));
        }
        return forms;
    }

    private List<InstalledRecordType> recordTypes(List<RecordType> definitions) {
        Set<String> seen = new HashSet<>();
        Set<String> codes = new HashSet<>();
        definitions.forEach(t -> codes.add(t.code()));
        List<InstalledRecordType> types = new ArrayList<>();
        for (RecordType t : definitions) {
            String what = "record type '" + t.code() + "'";
            requireCode("record type", t.code());
            if (t.code().equals(org.carespec.plugin.api.clock.Deadline.PerCase.PLAN)) {
                throw new Problem(what + ": the code names the platform's plans (a clock reads the agreed plan's"
                        + " review interval by it); use the plans API, or another code");
            }
            versioned("record type", t.code(), t.version(), seen);
            if (isBlank(t.title())) {
                throw new Problem(what + " has no title");
            }
            CompiledSchema schema = objectSchema(what, t.schema());
            for (String field : t.sensitiveFields()) {
                if (!schema.document().path("properties").has(field)) {
                    throw new Problem(what + " marks '" + field + "' sensitive but its schema has no such property");
                }
            }
            if (schema.document().path("properties").has("links")) {
                throw new Problem(what + " has a property 'links'; links are declared with RecordLink, not in data");
            }
            unique("link of " + what, t.links(), RecordLink::name);
            for (RecordLink link : t.links()) {
                requireCode("link", link.name());
                if (!codes.contains(link.targetType())) {
                    throw new Problem(what + " links '" + link.name() + "' to record type '" + link.targetType()
                            + "' which the plugin does not declare");
                }
            }
            if (t.lifecycle() != null) {
                checkLifecycle(what, t.lifecycle());
            }
            types.add(new InstalledRecordType(t, schema, CodeFields.of(schema.document())));
        }
        return types;
    }

    private static void checkLifecycle(String what, Lifecycle lifecycle) {
        unique("status of " + what, lifecycle.statuses(), Function.identity());
        for (String status : lifecycle.statuses()) {
            if (!VALUE.matcher(status).matches()) {
                throw new Problem(what + " has status '" + status + "'; a status is letters, digits, '_', '.' or '-'");
            }
        }
        lifecycle.moves().forEach((from, to) -> {
            for (String status : concat(List.of(from), List.copyOf(to))) {
                if (!lifecycle.statuses().contains(status)) {
                    throw new Problem(what + " has a move " + (status.equals(from) ? "from" : "to") + " '" + status
                            + "' which is not one of its statuses " + lifecycle.statuses());
                }
            }
            if (to.contains(from)) {
                throw new Problem(what + " moves from '" + from + "' to itself");
            }
        });
    }

    private static void versioned(String what, String code, int version, Set<String> seen) {
        if (version < 1) {
            throw new Problem(what + " '" + code + "' has version " + version + "; versions start at 1");
        }
        if (!seen.add(code + "@" + version)) {
            throw new Problem(what + " '" + code + "' version " + version + " is declared twice");
        }
    }

    private static CompiledSchema objectSchema(String what, JsonSchema declared) {
        CompiledSchema schema = SchemaCompiler.compile(declared.source(), declared.json());
        if (!"object".equals(schema.document().path("type").asText())) {
            throw new Problem(what + " schema must have \"type\": \"object\"");
        }
        requireValidExamples(what, schema);
        return schema;
    }

    private static void requireLists(String what, CodeFields fields, Set<String> lists) {
        for (CodeFields.Binding b : fields.bindings()) {
            if (!lists.contains(b.list())) {
                throw new Problem(what + " field '" + b.field() + "' names code list '" + b.list()
                        + "' which the plugin does not declare");
            }
        }
    }

    private void checkCodeLists(List<CodeList> lists) {
        unique("code list", lists, CodeList::code);
        for (CodeList list : lists) {
            requireCode("code list", list.code());
            if (list.codes().isEmpty()) {
                throw new Problem("code list '" + list.code() + "' is empty");
            }
            unique("code in list '" + list.code() + "'", list.codes(), Code::code);
            for (Code code : list.codes()) {
                if (!VALUE.matcher(code.code()).matches()) {
                    throw new Problem("code '" + code.code() + "' in list '" + list.code()
                            + "' must be letters, digits, '_', '.' or '-'");
                }
            }
        }
    }

    private void checkClocks(List<ClockDefinition> clocks, List<RecordType> types, List<CodeList> lists,
                             CompiledSchema settings) {
        unique("clock", clocks, ClockDefinition::code);
        for (ClockDefinition clock : clocks) {
            String what = "clock '" + clock.code() + "'";
            requireCode("clock", clock.code());
            if (clock.deadline().amount() < 1) {
                throw new Problem(what + " has a deadline of " + clock.deadline().amount() + "; it must be at least 1");
            }
            if (clock.stops().contains(clock.start())) {
                throw new Problem(what + " starts and stops on the same milestone");
            }
            unique("stop of " + what, clock.stops(), Milestone::toString);
            List<Milestone> milestones = new ArrayList<>(clock.stops());
            milestones.add(clock.start());
            for (Milestone m : milestones) {
                checkMilestone(what, m, types);
            }
            if (clock.stops().stream().anyMatch(m -> m instanceof Milestone.Received)) {
                throw new Problem(what + " cannot stop when the referral is received");
            }
            if (clock.deadline().setting() != null && !settingDefined(settings, clock.deadline().setting())) {
                throw new Problem(what + " reads its deadline from settings pointer '" + clock.deadline().setting()
                        + "' which the settings schema does not define");
            }
            for (ClockCondition leaf : clock.condition() == null ? List.<ClockCondition>of()
                    : clock.condition().leaves().toList()) {
                if (!(leaf instanceof ClockCondition.SourceIn in)) {
                    continue;
                }
                CodeList sources = lists.stream().filter(l -> l.code().equals(CodeLists.REFERRAL_SOURCE)).findFirst()
                        .orElseThrow(() -> new Problem(what + " applies to referral sources but the plugin declares no"
                                + " '" + CodeLists.REFERRAL_SOURCE + "' list"));
                for (String source : in.sources()) {
                    if (!sources.contains(source)) {
                        throw new Problem(what + " applies to referral source '" + source + "' which is not in the"
                                + " plugin's '" + CodeLists.REFERRAL_SOURCE + "' list");
                    }
                }
            }
        }
    }

    /** Module event codes are unique, upper-case, never a platform event; clocks wait only for declared ones. */
    private void checkReferralEvents(ContributionCollector c) {
        unique("referral event", c.referralEvents, e -> e.code());
        Set<String> declared = new HashSet<>();
        for (var event : c.referralEvents) {
            if (!event.code().matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$") || event.code().length() > 40) {
                throw new Problem("referral event code '" + event.code() + "' must be upper-case words joined by"
                        + " underscores, at most 40 characters");
            }
            if (java.util.Arrays.stream(org.carespec.plugin.api.ReferralEventType.values())
                    .anyMatch(t -> t.name().equals(event.code()))) {
                throw new Problem("referral event '" + event.code() + "' is one of the platform's own events");
            }
            declared.add(event.code());
        }
        for (ClockDefinition clock : c.clocks) {
            List<Milestone> milestones = new ArrayList<>(clock.stops());
            milestones.add(clock.start());
            for (Milestone m : milestones) {
                if (m instanceof Milestone.ModuleEvent e && !declared.contains(e.code())) {
                    throw new Problem("clock '" + clock.code() + "' waits for referral event '" + e.code()
                            + "' which the plugin does not declare");
                }
            }
        }
    }

    /** Permission codes are unique and every restricted field names a declared permission and a real property. */
    private void checkPermissions(ContributionCollector c) {
        unique("permission", c.permissions, p -> p.code());
        Set<String> declared = new HashSet<>();
        for (var permission : c.permissions) {
            requireCode("permission", permission.code());
            if (permission.roles().isEmpty()) {
                throw new Problem("permission '" + permission.code() + "' is held by no role");
            }
            declared.add(permission.code());
        }
        for (RecordType type : c.recordTypes) {
            type.restrictedFields().forEach((field, permission) -> {
                if (!declared.contains(permission)) {
                    throw new Problem("record type '" + type.code() + "' restricts '" + field + "' to permission '"
                            + permission + "' which the plugin does not declare");
                }
            });
        }
    }

    /** Part codes are unique, and every KPI or clock that names a part names one the module declares. */
    private void checkParts(ContributionCollector c) {
        unique("specification part", c.parts, p -> p.code());
        Set<String> parts = new HashSet<>();
        for (var part : c.parts) {
            requireCode("specification part", part.code());
            parts.add(part.code());
        }
        for (KpiDefinition kpi : c.kpis) {
            for (String part : kpi.parts()) {
                if (!parts.contains(part)) {
                    throw new Problem("KPI '" + kpi.code() + "' is for specification part '" + part
                            + "' which the plugin does not declare");
                }
            }
        }
        for (ClockDefinition clock : c.clocks) {
            for (ClockCondition leaf : clock.condition() == null ? List.<ClockCondition>of()
                    : clock.condition().leaves().toList()) {
                if (!(leaf instanceof ClockCondition.PartIn in)) {
                    continue;
                }
                for (String part : in.parts()) {
                    if (!parts.contains(part)) {
                        throw new Problem("clock '" + clock.code() + "' applies to specification part '" + part
                                + "' which the plugin does not declare");
                    }
                }
            }
        }
    }

    private static void checkMilestone(String what, Milestone m, List<RecordType> types) {
        if (m instanceof Milestone.Birthday b && (b.years() < 1 || b.years() > 120)) {
            throw new Problem(what + " waits for a " + b.years() + "th birthday; it must be 1 to 120");
        }
        String type = m instanceof Milestone.RecordCreated c ? c.typeCode()
                : m instanceof Milestone.RecordReached r ? r.typeCode() : null;
        if (type == null) {
            return;
        }
        RecordType declared = types.stream().filter(t -> t.code().equals(type)).findFirst()
                .orElseThrow(() -> new Problem(what + " waits for record type '" + type
                        + "' which the plugin does not declare"));
        if (m instanceof Milestone.RecordReached r && (declared.lifecycle() == null
                || !declared.lifecycle().statuses().contains(r.status()))) {
            throw new Problem(what + " waits for record type '" + type + "' to reach status '" + r.status()
                    + "' which its lifecycle does not have");
        }
    }

    /**
     * A deadline a case may shorten reads a whole number from a plain field that every version of a declared record
     * type defines: a typo in the pointer would otherwise quietly leave every case on the contract's deadline.
     */
    private static void checkPerCaseDeadline(ClockDefinition clock, List<InstalledRecordType> types) {
        var perCase = clock.deadline().perCase();
        if (perCase == null) {
            return;
        }
        if (perCase.recordType().equals(org.carespec.plugin.api.clock.Deadline.PerCase.PLAN)) {
            if (!perCase.pointer().equals(org.carespec.plugin.api.clock.Deadline.PerCase.PLAN_REVIEW_MONTHS)
                    || clock.deadline().unit() != org.carespec.plugin.api.clock.DeadlineUnit.MONTHS) {
                throw new Problem("clock '" + clock.code() + "' takes a per-case deadline from the agreed plan, which"
                        + " gives only its review interval in months: use Deadline.months(n).orSoonerPerPlan()");
            }
            return;
        }
        String what = "clock '" + clock.code() + "' takes a per-case deadline from record type '"
                + perCase.recordType() + "'";
        List<InstalledRecordType> versions = types.stream().filter(t -> t.code().equals(perCase.recordType()))
                .toList();
        if (versions.isEmpty()) {
            throw new Problem(what + " which the plugin does not declare");
        }
        for (InstalledRecordType type : versions) {
            com.fasterxml.jackson.databind.JsonNode field = property(type.schema(), perCase.pointer());
            if (field == null || !"integer".equals(field.path("type").asText())) {
                throw new Problem(what + " at '" + perCase.pointer() + "', which version " + type.version()
                        + " of its schema does not define as an integer");
            }
            String top = perCase.pointer().substring(1).split("/", -1)[0];
            if (type.definition().sensitiveFields().contains(top)) {
                throw new Problem(what + " at '" + perCase.pointer() + "', a sensitive field; a deadline must come"
                        + " from a plain one");
            }
        }
    }

    /** Whether a JSON Pointer names a property the settings schema declares, through nested properties. */
    static boolean settingDefined(CompiledSchema settings, String pointer) {
        return property(settings, pointer) != null;
    }

    /** The schema of the property a JSON Pointer names, through nested properties, or {@code null}. */
    private static com.fasterxml.jackson.databind.JsonNode property(CompiledSchema schema, String pointer) {
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode node = schema.document();
        for (String token : pointer.substring(1).split("/", -1)) {
            node = node.path("properties").path(token.replace("~1", "/").replace("~0", "~"));
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    /**
     * What a KPI query must not do: change the session (its role, its tenant) or run SQL built at run time. A plugin
     * is trusted code reviewed before installation; this catches the mistake, not a determined author (docs).
     */
    private static final java.util.regex.Pattern SESSION_CHANGE = java.util.regex.Pattern.compile(
            "(?i)\\b(set_config|query_to_xml|query_to_xml_and_xmlschema|cursor_to_xml|dblink\\w*|lo_\\w+"
                    + "|pg_read_\\w+|pg_ls_\\w+)\\s*\\(|(?i)(^|;)\\s*(set|reset|do|copy|execute)\\b");

    private void checkKpis(List<KpiDefinition> kpis) {
        unique("KPI", kpis, KpiDefinition::code);
        for (KpiDefinition kpi : kpis) {
            if (!KPI_CODE.matcher(kpi.code()).matches()) {
                throw new Problem("KPI code '" + kpi.code() + "' must be letters, digits, '.', '_' or '-'");
            }
            if (isBlank(kpi.title())) {
                throw new Problem("KPI '" + kpi.code() + "' has no title");
            }
            unique("breakdown of KPI '" + kpi.code() + "'", kpi.breakdowns(), Breakdown::code);
            if (kpi.computation() instanceof KpiComputation.Sql sql && isBlank(sql.sql())) {
                throw new Problem("KPI '" + kpi.code() + "' has an empty query");
            }
            if (kpi.computation() instanceof KpiComputation.Sql sql && SESSION_CHANGE.matcher(sql.sql()).find()) {
                throw new Problem("KPI '" + kpi.code() + "' changes the database session or runs dynamic SQL ("
                        + "set_config, SET, query_to_xml, dblink…); a KPI query only reads the reporting views");
            }
            if (kpi.computation() instanceof KpiComputation.Sql sql && !KpiQueries.isOneStatement(sql.sql())) {
                throw new Problem("KPI '" + kpi.code() + "' holds more than one statement; a KPI query is one SELECT,"
                        + " without semicolons");
            }
        }
    }

    private void checkInstruments(List<OutcomeInstrument> instruments) {
        unique("outcome instrument", instruments, OutcomeInstrument::code);
        for (OutcomeInstrument instrument : instruments) {
            requireCode("outcome instrument", instrument.code());
            if (instrument.scales().isEmpty()) {
                throw new Problem("outcome instrument '" + instrument.code() + "' has no scales");
            }
            unique("scale of '" + instrument.code() + "'", instrument.scales(), Scale::code);
        }
    }

    private static void requireCode(String what, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Problem(what + " code '" + code + "' must be lower-case words joined by hyphens");
        }
    }

    private static <T> void unique(String what, Collection<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String k = key.apply(item);
            if (isBlank(k)) {
                throw new Problem("a " + what + " has no code");
            }
            if (!seen.add(k)) {
                throw new Problem(what + " code '" + k + "' is used twice");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** A problem inside a plugin whose id is already known. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }
}
