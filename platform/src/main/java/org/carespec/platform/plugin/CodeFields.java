package org.carespec.platform.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.carespec.platform.errors.FieldError;

/**
 * The fields of a JSON Schema that name a code list, found once when a module is installed, and the check of a
 * document against them. Two keywords of ours (plugin-api {@code RecordType}):
 * <ul>
 *   <li>{@code "x-code-list": "<list>"} on a string property, or on the {@code items} of an array: each value must be
 *       a code of the list;</li>
 *   <li>{@code "x-headcount-by": "<list>"} on an object property: a headcount by one dimension, each key a code of
 *       the list and each value a whole number of people from 0; totals are per dimension, never across them.</li>
 * </ul>
 * Pure: which codes exist comes in as a predicate (the module's list plus the contract's local entries).
 */
public final class CodeFields {

    static final String CODE_LIST = "x-code-list";
    static final String HEADCOUNT_BY = "x-headcount-by";

    /** A field bound to a list; {@code path} is a list of property names, "[]" for any array item. */
    public record Binding(List<String> path, String list, boolean headcount) {

        public String field() {
            StringBuilder s = new StringBuilder();
            for (String p : path) {
                if (p.equals("[]")) {
                    s.append("[]");
                } else {
                    s.append(s.length() == 0 ? "" : ".").append(p);
                }
            }
            return s.toString();
        }
    }

    private static final CodeFields NONE = new CodeFields(List.of());

    private final List<Binding> bindings;

    private CodeFields(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public static CodeFields none() {
        return NONE;
    }

    /** The bindings of a schema document, searched through {@code properties} and {@code items}. */
    public static CodeFields of(JsonNode schema) {
        List<Binding> found = new ArrayList<>();
        walk(schema, new ArrayList<>(), found, 0);
        return new CodeFields(found);
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** The lists the schema names, for the validator to check the module declares each. */
    public Set<String> lists() {
        Set<String> lists = new TreeSet<>();
        bindings.forEach(b -> lists.add(b.list()));
        return lists;
    }

    private static void walk(JsonNode schema, List<String> path, List<Binding> found, int depth) {
        if (schema == null || !schema.isObject() || depth > 16) {
            return;
        }
        if (schema.path(CODE_LIST).isTextual()) {
            found.add(new Binding(List.copyOf(path), schema.path(CODE_LIST).asText(), false));
        }
        if (schema.path(HEADCOUNT_BY).isTextual()) {
            found.add(new Binding(List.copyOf(path), schema.path(HEADCOUNT_BY).asText(), true));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            path.add(property.getKey());
            walk(property.getValue(), path, found, depth + 1);
            path.remove(path.size() - 1);
        }
        if (schema.has("items")) {
            path.add("[]");
            walk(schema.get("items"), path, found, depth + 1);
            path.remove(path.size() - 1);
        }
    }

    /**
     * The values of a document outside their lists, each naming its field under {@code prefix} ("data.agency",
     * "data.agencies[2]", "data.ethnicity.XX"). Values of the wrong JSON type are the schema's to report.
     *
     * @param known whether (list, code) is a code the contract accepts
     */
    public List<FieldError> check(JsonNode document, String prefix, BiPredicate<String, String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (Binding b : bindings) {
            visit(document, b, 0, prefix, known, errors);
        }
        return errors;
    }

    private static void visit(JsonNode node, Binding b, int step, String field, BiPredicate<String, String> known,
                              List<FieldError> errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (step == b.path().size()) {
            checkValue(node, b, field, known, errors);
            return;
        }
        String token = b.path().get(step);
        if (token.equals("[]")) {
            for (int i = 0; i < node.size() && node.isArray(); i++) {
                visit(node.get(i), b, step + 1, field + "[" + i + "]", known, errors);
            }
        } else if (node.isObject()) {
            visit(node.get(token), b, step + 1, field.isEmpty() ? token : field + "." + token, known, errors);
        }
    }

    private static void checkValue(JsonNode value, Binding b, String field, BiPredicate<String, String> known,
                                   List<FieldError> errors) {
        if (!b.headcount()) {
            if (value.isTextual() && !known.test(b.list(), value.asText())) {
                errors.add(new FieldError(field, "'" + value.asText() + "' is not a code of the list " + b.list()));
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = field + "." + entry.getKey();
            if (!known.test(b.list(), entry.getKey())) {
                errors.add(new FieldError(at, "'" + entry.getKey() + "' is not a code of the list " + b.list()));
            } else if (!entry.getValue().isIntegralNumber() || entry.getValue().asLong() < 0
                    || entry.getValue().asLong() > 100_000) {
                errors.add(new FieldError(at, "must be a whole number of people from 0 to 100000"));
            }
        }
    }
}
