package org.carespec.platform.ui.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One renderer for every module form and record type: a JSON Schema (object) becomes GOV.UK form fields, and a posted
 * form becomes the JSON the API takes, checked afterwards by the same validator as the API. Field names are the API's
 * own ({@code data.referrer.name}), so an error the service names lands beside its field, in plain English.
 */
public final class SchemaForm {

    /** A text longer than this is a textarea. */
    static final int TEXTAREA_FROM = 500;
    /** Up to this many options are radios; more are a select. */
    static final int RADIOS_UP_TO = 8;
    /** Our keyword for a headcount by one dimension (see {@code RecordType}). */
    static final String HEADCOUNT_BY = "x-headcount-by";

    private SchemaForm() {
    }

    /**
     * A field as a template draws it.
     *
     * @param kind  text, textarea, number, date, yesno, radios, select, checkboxes or fieldset
     * @param value the entered value (a date's parts are in {@code parts})
     */
    public record Field(String kind, String name, String label, String hint, boolean required, String value,
                        List<Option> options, List<String> selected, String error, List<Field> children,
                        Map<String, String> parts, String inputType, Map<String, List<Field>> revealed) {

        /** A field that reveals nothing. */
        public Field(String kind, String name, String label, String hint, boolean required, String value,
                     List<Option> options, List<String> selected, String error, List<Field> children,
                     Map<String, String> parts, String inputType) {
            this(kind, name, label, hint, required, value, options, selected, error, children, parts, inputType,
                    Map.of());
        }

        /** The fields shown beneath a choice when it is chosen (GOV.UK's conditional reveal), or none. */
        public List<Field> revealedBy(String option) {
            return revealed.getOrDefault(option, List.of());
        }

        /** The same field with these fields shown beneath its choices. */
        Field revealing(Map<String, List<Field>> fields) {
            return new Field(kind, name, label, hint, required, value, options, selected, error, children, parts,
                    inputType, fields);
        }

        /** The id an error summary links to: the first input of the field. */
        public String anchor() {
            return switch (kind) {
                case "date" -> name + "-day";
                case "yesno", "radios", "checkboxes" -> name + "-0";
                default -> name;
            };
        }

        public boolean isSelected(String option) {
            return selected.contains(option);
        }
    }

    /** One choice of a radio group, select or checkboxes. */
    public record Option(String value, String label) {
    }

    /**
     * The fields of an object schema.
     *
     * @param data      the values to show (the form as entered, or as stored)
     * @param errors    messages by field name
     * @param codeLists the contract's codes of a list named by {@code x-code-list}
     */
    public static List<Field> fields(JsonNode schema, String prefix, Map<String, ?> data, Map<String, String> errors,
                                     Function<String, List<Option>> codeLists) {
        Set<String> required = requiredOf(schema);
        Map<String, Reveal> reveals = reveals(schema);
        Map<String, Field> byProperty = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> byProperty.put(p.getKey(), field(p.getValue(),
                prefix + "." + p.getKey(), p.getKey(), required.contains(p.getKey())
                        || reveals.containsKey(p.getKey()) && reveals.get(p.getKey()).required(),
                data == null ? null : data.get(p.getKey()), errors, codeLists)));
        List<Field> fields = new ArrayList<>();
        byProperty.forEach((property, field) -> {
            Reveal shownBy = reveals.get(property);
            if (shownBy != null && byProperty.containsKey(shownBy.property())) {
                return; // drawn beneath the choice that reveals it
            }
            Map<String, List<Field>> revealed = new LinkedHashMap<>();
            reveals.forEach((dependent, reveal) -> {
                if (reveal.property().equals(property) && byProperty.containsKey(dependent)) {
                    revealed.computeIfAbsent(reveal.value(), v -> new ArrayList<>()).add(byProperty.get(dependent));
                }
            });
            if (revealed.isEmpty()) {
                fields.add(field);
            } else if (field.kind().equals("radios") || field.kind().equals("yesno")) {
                fields.add(field.revealing(revealed));
            } else { // a select cannot reveal: the dependent fields follow it
                fields.add(field);
                revealed.values().forEach(fields::addAll);
            }
        });
        return fields;
    }

    /**
     * A property shown only when another has a value: the schema says so with {@code if}/{@code then} (at its top or
     * in {@code allOf}), {@code "if": {"properties": {"source": {"const": "OTHER"}}}} and {@code then} requiring or
     * describing the dependent properties. The validator enforces it; the form reveals the field beneath the choice.
     */
    record Reveal(String property, String value, boolean required) {
    }

    static Map<String, Reveal> reveals(JsonNode schema) {
        List<JsonNode> conditions = new ArrayList<>();
        if (schema.has("if")) {
            conditions.add(schema);
        }
        schema.path("allOf").forEach(c -> {
            if (c.has("if")) {
                conditions.add(c);
            }
        });
        Map<String, Reveal> reveals = new LinkedHashMap<>();
        for (JsonNode c : conditions) {
            JsonNode condition = c.path("if").path("properties");
            if (condition.size() != 1) {
                continue;
            }
            String property = condition.fieldNames().next();
            JsonNode constant = condition.path(property).path("const");
            if (!constant.isValueNode() || constant.isNull()) {
                continue;
            }
            String value = constant.asText();
            Set<String> thenRequired = requiredOf(c.path("then"));
            Set<String> dependents = new java.util.LinkedHashSet<>(thenRequired);
            c.path("then").path("properties").fieldNames().forEachRemaining(dependents::add);
            for (String dependent : dependents) {
                if (!dependent.equals(property) && schema.path("properties").has(dependent)) {
                    reveals.putIfAbsent(dependent, new Reveal(property, value, thenRequired.contains(dependent)));
                }
            }
        }
        return reveals;
    }

    @SuppressWarnings("unchecked")
    private static Field field(JsonNode node, String name, String property, boolean required, Object value,
                               Map<String, String> errors, Function<String, List<Option>> codeLists) {
        String label = node.hasNonNull("title") ? node.get("title").asText() : words(property);
        String hint = node.hasNonNull("description") ? node.get("description").asText() : null;
        String error = errors.get(name);
        String type = node.path("type").asText("");
        if (node.has(HEADCOUNT_BY)) { // a whole number of people for each code of the list
            Map<String, ?> inner = value instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
            List<Field> children = codeLists.apply(node.get(HEADCOUNT_BY).asText()).stream().map(o -> new Field(
                    "number", name + "." + o.value(), o.label(), null, false,
                    inner.get(o.value()) == null ? null : String.valueOf(inner.get(o.value())), List.of(), List.of(),
                    errors.get(name + "." + o.value()), List.of(), Map.of(), "text")).toList();
            return new Field("fieldset", name, label, hint == null ? "Number of people in each group" : hint, required,
                    null, List.of(), List.of(), error, children, Map.of(), null);
        }
        if ("object".equals(type) || node.has("properties")) {
            Map<String, ?> inner = value instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
            List<Field> children = fields(node, name, inner, errors, codeLists);
            return new Field("fieldset", name, label, hint, required, null, List.of(), List.of(), error, children,
                    Map.of(), null);
        }
        if ("array".equals(type)) {
            List<Option> options = options(node.path("items"), codeLists);
            List<String> selected = value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                    : List.of();
            return new Field("checkboxes", name, label, hint, required, null, options, selected, error, List.of(),
                    Map.of(), null);
        }
        if ("boolean".equals(type)) {
            String chosen = value == null ? null : String.valueOf(value);
            return new Field("yesno", name, label, hint, required, chosen, List.of(new Option("true", "Yes"),
                    new Option("false", "No")), chosen == null ? List.of() : List.of(chosen), error, List.of(),
                    Map.of(), null);
        }
        if (node.has("enum") || node.has("x-code-list")) {
            List<Option> options = options(node, codeLists);
            String chosen = value == null ? null : String.valueOf(value);
            return new Field(options.size() <= RADIOS_UP_TO ? "radios" : "select", name, label, hint, required, chosen,
                    options, chosen == null ? List.of() : List.of(chosen), error, List.of(), Map.of(), null);
        }
        if ("date".equals(node.path("format").asText())) {
            Map<String, String> parts = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> entered) { // as entered, when it was not a real date
                entered.forEach((k, v) -> parts.put(String.valueOf(k), String.valueOf(v)));
            } else if (value != null) {
                try {
                    LocalDate date = LocalDate.parse(String.valueOf(value));
                    parts.put("day", String.valueOf(date.getDayOfMonth()));
                    parts.put("month", String.valueOf(date.getMonthValue()));
                    parts.put("year", String.valueOf(date.getYear()));
                } catch (DateTimeException e) {
                    parts.put("day", "");
                }
            }
            return new Field("date", name, label, hint, required, null, List.of(), List.of(), error, List.of(), parts,
                    null);
        }
        String text = value == null ? null : String.valueOf(value);
        if ("number".equals(type) || "integer".equals(type)) {
            return new Field("number", name, label, hint, required, text, List.of(), List.of(), error, List.of(),
                    Map.of(), "text");
        }
        boolean longText = node.path("maxLength").asInt(0) > TEXTAREA_FROM;
        String inputType = "email".equals(node.path("format").asText()) ? "email" : "text";
        return new Field(longText ? "textarea" : "text", name, label, hint, required, text, List.of(), List.of(),
                error, List.of(), Map.of(), inputType);
    }

    private static List<Option> options(JsonNode node, Function<String, List<Option>> codeLists) {
        if (node.has("x-code-list")) {
            return codeLists.apply(node.get("x-code-list").asText());
        }
        List<Option> options = new ArrayList<>();
        node.path("enum").forEach(v -> options.add(new Option(v.asText(), UiText.words(v.asText()))));
        return options;
    }

    /**
     * Reads a posted form back into the JSON the schema describes: blank fields are left out, yes/no become booleans,
     * numbers and dates are parsed. A number or date that is not one is kept as entered and its message put in
     * {@code errors}, so the page shows it again with the message.
     */
    public static Map<String, Object> read(JsonNode schema, String prefix, Map<String, List<String>> form,
                                           Map<String, String> errors) {
        Map<String, Object> data = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            String name = prefix + "." + p.getKey();
            Object value = readOne(p.getValue(), name, p.getKey(), form, errors);
            if (value != null) {
                data.put(p.getKey(), value);
            }
        });
        // a revealed field whose choice was changed is not kept: what was typed there no longer applies
        reveals(schema).forEach((dependent, reveal) -> {
            if (!reveal.value().equals(String.valueOf(data.get(reveal.property())))) {
                data.remove(dependent);
                errors.remove(prefix + "." + dependent);
            }
        });
        return data;
    }

    private static Object readOne(JsonNode node, String name, String property, Map<String, List<String>> form,
                                  Map<String, String> errors) {
        String type = node.path("type").asText("");
        String label = node.hasNonNull("title") ? node.get("title").asText() : words(property);
        if (node.has(HEADCOUNT_BY)) {
            Map<String, Object> counts = new LinkedHashMap<>();
            form.forEach((key, values) -> {
                String code = key.startsWith(name + ".") ? key.substring(name.length() + 1) : null;
                String text = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
                if (code == null || code.contains(".") || text.isEmpty()) {
                    return;
                }
                try {
                    counts.put(code, new BigDecimal(text).toBigIntegerExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.put(key, label + ": the number of people must be a whole number");
                    counts.put(code, text);
                }
            });
            return counts.isEmpty() ? null : counts;
        }
        if ("object".equals(type) || node.has("properties")) {
            Map<String, Object> inner = read(node, name, form, errors);
            return inner.isEmpty() ? null : inner;
        }
        if ("array".equals(type)) {
            List<String> values = form.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
            return values.isEmpty() ? null : values;
        }
        if ("date".equals(node.path("format").asText())) {
            String day = first(form, name + "-day");
            String month = first(form, name + "-month");
            String year = first(form, name + "-year");
            if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
                return null;
            }
            LocalDate date = DateInput.of(day, month, year);
            if (date == null) {
                errors.put(name, label + " must be a real date, for example 27 3 2026");
                return Map.of("day", day, "month", month, "year", year);
            }
            return date.toString();
        }
        String text = first(form, name).strip();
        if (text.isEmpty()) {
            return null;
        }
        if ("boolean".equals(type)) {
            return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : text;
        }
        if ("number".equals(type) || "integer".equals(type)) {
            try {
                BigDecimal number = new BigDecimal(text);
                if ("integer".equals(type)) {
                    return number.toBigIntegerExact();
                }
                return number;
            } catch (NumberFormatException | ArithmeticException e) {
                errors.put(name, label + " must be " + ("integer".equals(type) ? "a whole number" : "a number"));
                return text;
            }
        }
        return text;
    }

    /**
     * A validator's message in plain English: what to do about the field, with its label, never a JSON pointer or
     * "required property".
     */
    public static String plain(JsonNode schema, String prefix, String field, String detail) {
        JsonNode node = nodeOf(schema, prefix, field);
        String property = field.substring(field.lastIndexOf('.') + 1);
        String label = node != null && node.hasNonNull("title") ? node.get("title").asText() : words(property);
        String type = node == null ? "" : node.path("type").asText("");
        boolean choice = node != null && (node.has("enum") || node.has("x-code-list") || "boolean".equals(type)
                || "array".equals(type));
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("required")) {
            if ("boolean".equals(type)) {
                return "Select yes or no for " + lower(label);
            }
            return (choice ? "Select " : "Enter ") + lower(label);
        }
        if (d.contains("must be one of") || d.contains("enumeration")) {
            return "Select " + lower(label) + " from the options";
        }
        if (node != null && node.has("maxLength") && (d.contains("at most") || d.contains("maxlength")
                || d.contains("longer"))) {
            return label + " must be " + node.get("maxLength").asInt() + " characters or fewer";
        }
        if (d.contains("minlength") || d.contains("at least") && "string".equals(type)) {
            return "Enter " + lower(label);
        }
        if (d.contains("minimum") || d.contains("maximum") || d.contains("greater") || d.contains("less")) {
            return label + " is out of range" + range(node);
        }
        if (d.contains("integer") || d.contains("number") || d.contains("boolean") || d.contains("found")) {
            return "boolean".equals(type) ? "Select yes or no for " + lower(label) : label + " must be a number";
        }
        return label + ": " + detail;
    }

    private static String range(JsonNode node) {
        if (node == null || !node.has("minimum") || !node.has("maximum")) {
            return "";
        }
        return ": it must be between " + node.get("minimum").asText() + " and " + node.get("maximum").asText();
    }

    private static JsonNode nodeOf(JsonNode schema, String prefix, String field) {
        if (!field.startsWith(prefix + ".")) {
            return null;
        }
        JsonNode node = schema;
        for (String part : field.substring(prefix.length() + 1).replaceAll("\\[\\d+]", "").split("\\.")) {
            node = node.path("properties").path(part);
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    private static Set<String> requiredOf(JsonNode schema) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** A property name as words: {@code caredForSeriousMentalIllHealth} is "Cared for serious mental ill health". */
    static String words(String property) {
        String spaced = property.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
