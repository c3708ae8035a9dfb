package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.json.CompiledSchema;
import org.carespec.platform.json.Json;
import org.carespec.platform.obligation.domain.EvidenceFile;
import org.carespec.platform.plugin.CodeFields;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.plugin.SensitiveSplit;
import org.carespec.platform.ui.web.SchemaForm;
import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.PluginApi;

/**
 * Issue 17's fuzzing: Jazzer, coverage-guided, on the parsers Carespec owns. One fuzz test, because Jazzer fuzzes
 * one per run; the input's first byte picks the parser:
 * <ol>
 *   <li>a module's form or record data as the API reads it: JSON text, parsed, defaults filled in, validated
 *       against the module's JSON Schema, code lists checked, then split into stored and encrypted fields;</li>
 *   <li>the same data as a browser posts it, field by field ({@link SchemaForm#read});</li>
 *   <li>an evidence or document upload: file name, declared type and bytes ({@link EvidenceFile#check}).</li>
 * </ol>
 * Each may refuse its input only in the way the endpoint turns into a 400 (an {@link IllegalArgumentException} for
 * text that is not JSON, field errors, a {@link EvidenceFile.Refusal}); any other exception, or a result that breaks
 * the parser's promise (data lost in the split, a field the schema does not have, a file kept as a type it is not),
 * is a finding.
 *
 * <p>In the test command this runs as a regression test over the inputs in {@code ParserFuzzTestInputs} and then,
 * in the {@code fuzz} execution of the platform's build, fuzzes for {@code maxDuration}. A long run is a command in
 * {@code docs/testing.md}.
 */
class ParserFuzzTest {

    /** Every form and record schema of every module on the class path (the test fixtures' shapes of the seeds). */
    private static final List<Target> SCHEMAS = schemas();

    record Target(String name, CompiledSchema schema, CodeFields codes, Set<String> sensitive) {
    }

    @FuzzTest(maxDuration = "60s")
    void ourParsers(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> apiData(data);
            case 1 -> pageForm(data);
            default -> upload(data);
        }
    }

    private static void apiData(FuzzedDataProvider data) {
        Target target = SCHEMAS.get(data.consumeInt(0, SCHEMAS.size() - 1));
        String text = data.consumeRemainingAsString();
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException notJson) {
            return; // a 400 naming the body
        }
        if (parsed == null || !parsed.isObject()) {
            return; // the API's binding refuses anything but an object for data
        }
        ObjectNode document = (ObjectNode) parsed;
        List<FieldError> errors = new ArrayList<>(target.schema().applyDefaultsAndValidate(document, "data"));
        errors.addAll(target.codes().check(document, "data", (list, code) -> code.length() < 10));
        for (FieldError error : errors) {
            assertNotNull(error.field(), target.name());
            assertTrue(error.field().startsWith("data"), target.name() + " named " + error.field());
            assertFalse(error.detail() == null || error.detail().isBlank(), target.name() + ": " + error);
        }
        if (errors.isEmpty()) {
            Map<String, Object> map = Json.toMap(document);
            SensitiveSplit split = SensitiveSplit.of(map, target.sensitive());
            Set<String> kept = new HashSet<>(split.plain().keySet());
            kept.addAll(split.sensitive().keySet());
            assertEquals(map.keySet(), kept, target.name() + ": the split lost or invented a field");
            assertTrue(split.sensitive().keySet().stream().allMatch(target.sensitive()::contains), target.name());
        }
    }

    private static void pageForm(FuzzedDataProvider data) {
        Target target = SCHEMAS.get(data.consumeInt(0, SCHEMAS.size() - 1));
        JsonNode schema = target.schema().document();
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(p -> {
            names.add("data." + p);
            names.add("data." + p + "-day");
            names.add("data." + p + "-month");
            names.add("data." + p + "-year");
        });
        Map<String, List<String>> form = new HashMap<>();
        int fields = data.consumeInt(0, 12);
        for (int i = 0; i < fields; i++) {
            String name = data.consumeBoolean() && !names.isEmpty() ? names.get(data.consumeInt(0, names.size() - 1))
                    : data.consumeString(30);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(data.consumeString(60));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> read = SchemaForm.read(schema, "data", form, errors);
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertTrue(properties.containsAll(read.keySet()), target.name() + " read fields it lacks: " + read.keySet());
        errors.forEach((field, message) -> {
            assertTrue(field.startsWith("data."), target.name() + " named " + field);
            assertFalse(message == null || message.isBlank(), target.name() + ": " + field);
        });
        // what was read goes to the same validator as the API's; it may be refused, never thrown at
        target.schema().validate(Json.toTree(read), "data");
    }

    private static void upload(FuzzedDataProvider data) {
        List<String> types = new ArrayList<>(EvidenceFile.ACCEPTED.keySet());
        types.add("application/octet-stream"); // what a client sends when it does not know; the content decides
        types.add(data.consumeString(40));
        String declared = types.get(data.consumeInt(0, types.size() - 1));
        List<String> extensions = List.of("pdf", "png", "jpg", "jpeg", "txt", "csv", "docx", "xlsx", "odt", "ods");
        String filename = data.consumeString(40) + (data.consumeBoolean() ? ""
                : "." + extensions.get(data.consumeInt(0, extensions.size() - 1)));
        byte[] content = data.consumeRemainingAsBytes();
        Optional<EvidenceFile.Refusal> refusal = EvidenceFile.check(filename, declared, content);
        if (refusal.isPresent()) {
            assertTrue(Set.of("filename", "body", "Content-Type").contains(refusal.get().field()),
                    "a refusal names the part of the request: " + refusal.get());
            return;
        }
        String detected = EvidenceFile.typeOf(content, filename);
        assertTrue(EvidenceFile.ACCEPTED.containsKey(detected), "kept a " + detected + " as " + declared);
        // the bytes alone must say as much: the name may only narrow them (zip to .docx, plain text to .csv)
        MediaType byContent = MediaType.parse(new Tika().detect(content));
        assertTrue(MediaType.parse(detected).equals(byContent) || !MediaType.OCTET_STREAM.equals(byContent)
                && MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry()
                .isSpecializationOf(MediaType.parse(detected), byContent),
                "kept as " + detected + " bytes that say " + byContent);
        String base = declared.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        assertTrue(base.equals(detected) || base.equals("application/octet-stream"),
                "kept a " + detected + " declared as " + declared);
    }

    private static List<Target> schemas() {
        List<CarespecPlugin> found = new ArrayList<>();
        ServiceLoader.load(CarespecPlugin.class).forEach(found::add);
        List<Target> targets = new ArrayList<>();
        for (InstalledPlugin plugin : PluginRegistry.install(found, PluginApi.version()).values()) {
            plugin.forms().forEach(f -> targets.add(new Target(plugin.id() + " form " + f.code(), f.schema(),
                    f.codeFields(), f.definition().sensitiveFields())));
            plugin.recordTypes().forEach(r -> targets.add(new Target(plugin.id() + " record " + r.code(),
                    r.schema(), r.codeFields(), r.definition().sensitiveFields())));
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no module schemas on the class path");
        }
        return targets;
    }
}
