package org.carespec.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ApplyDefaultsStrategy;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns schema text into a {@link CompiledSchema}, after checking it against the JSON Schema 2020-12
 * meta-schema (networknt json-schema-validator; no network access: the meta-schemas ship inside the jar).
 */
public final class SchemaCompiler {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .applyDefaultsStrategy(new ApplyDefaultsStrategy(true, false, false))
            .build();
    private static final com.networknt.schema.JsonSchema META_SCHEMA =
            FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

    private SchemaCompiler() {
    }

    /**
     * @throws SchemaProblem naming the source when the text is not JSON, not an object, or not a valid schema
     */
    public static CompiledSchema compile(String source, String text) {
        JsonNode document;
        try {
            document = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SchemaProblem("schema " + source + " is " + e.getMessage());
        }
        if (!document.isObject()) {
            throw new SchemaProblem("schema " + source + " is not a JSON object");
        }
        Set<ValidationMessage> problems = META_SCHEMA.validate(document);
        if (!problems.isEmpty()) {
            throw new SchemaProblem("schema " + source + " is not a valid JSON Schema 2020-12 document: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        try {
            return new CompiledSchema(source, document, FACTORY.getSchema(document, CONFIG));
        } catch (RuntimeException e) {
            throw new SchemaProblem("schema " + source + " cannot be loaded: " + e.getMessage());
        }
    }
}
