package org.carespec.plugin.api.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.SpecReference;

/**
 * Something a module records: an assessment, a plan, a break, a training session delivered, a funding application.
 * The platform stores, versions, isolates, audits, encrypts, serves ({@code /api/v1/contracts/{id}/records/{code}})
 * and reports ({@code reporting.record}) every record type the same way; the module only declares it.
 *
 * <p>The schema is JSON Schema 2020-12 with {@code "type": "object"}. Two keywords of ours name a code list of the
 * module (or of the contract's local entries, see {@code CodeList}):
 * <ul>
 *   <li>{@code "x-code-list": "agency"} on a string property (or on the {@code items} of an array of strings): each
 *       value must be a code of the list;</li>
 *   <li>{@code "x-headcount-by": "ethnicity"} on an object property: a headcount by one dimension, each key a code
 *       of the list and each value a whole number of people; report totals per dimension, never across them.</li>
 * </ul>
 *
 * @param code            unique within the module, lower-case words joined by hyphens ({@code wellbeing-plan})
 * @param version         1, 2, …; a record keeps the version it was made with
 * @param title           what a practitioner calls it
 * @param subject         whom a record is about
 * @param schema          what a record's data must satisfy
 * @param source          where the specification asks for it
 * @param sensitiveFields top-level properties encrypted at rest
 * @param lifecycle       its statuses and moves, or {@code null} when a record has no status
 * @param links           links to other record types of the module
 * @param restrictedFields top-level properties only holders of a module permission may read or write, by field
 */
public record RecordType(String code, int version, String title, Subject subject, JsonSchema schema,
                         SpecReference source, Set<String> sensitiveFields, Lifecycle lifecycle,
                         List<RecordLink> links, Map<String, String> restrictedFields) {

    public RecordType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        sensitiveFields = sensitiveFields == null ? Set.of() : Set.copyOf(sensitiveFields);
        links = links == null ? List.of() : List.copyOf(links);
        restrictedFields = restrictedFields == null ? Map.of() : Map.copyOf(restrictedFields);
    }

    public static RecordType of(String code, int version, String title, Subject subject, JsonSchema schema,
                                SpecReference source) {
        return new RecordType(code, version, title, subject, schema, source, Set.of(), null, List.of(), Map.of());
    }

    public RecordType withSensitiveFields(String... fields) {
        return new RecordType(code, version, title, subject, schema, source, Set.of(fields), lifecycle, links,
                restrictedFields);
    }

    public RecordType withLifecycle(Lifecycle lifecycle) {
        return new RecordType(code, version, title, subject, schema, source, sensitiveFields, lifecycle, links,
                restrictedFields);
    }

    public RecordType withLink(RecordLink link) {
        List<RecordLink> more = new ArrayList<>(links);
        more.add(link);
        return new RecordType(code, version, title, subject, schema, source, sensitiveFields, lifecycle, more,
                restrictedFields);
    }

    /**
     * The same type with a top-level field only people holding the module's permission may read or write (a key safe
     * code). A restricted field is also encrypted at rest.
     */
    public RecordType withRestrictedField(String field, String permission) {
        Map<String, String> more = new LinkedHashMap<>(restrictedFields);
        more.put(field, permission);
        Set<String> sealed = new LinkedHashSet<>(sensitiveFields);
        sealed.add(field);
        return new RecordType(code, version, title, subject, schema, source, sealed, lifecycle, links, more);
    }
}
