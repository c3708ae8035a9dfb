package org.carespec.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.carespec.platform.errors.FieldError;
import org.junit.jupiter.api.Test;

/** What a practitioner reads when a form is wrong: the field named once, the sentence without JSON paths. */
class CompiledSchemaTest {

    private static final CompiledSchema FORM = SchemaCompiler.compile("test", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["relationship"],
             "properties": {"relationship": {"type": "string"},
                            "carer": {"type": "object", "required": ["age"],
                                      "properties": {"age": {"type": "integer", "minimum": 18}}}}}""");

    @Test
    void aMissingTopLevelFieldIsNamedAndTheSentenceHasNoStrayPrefix() {
        List<FieldError> errors = FORM.validate(Json.parse("{}"), "data");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("data.relationship", errors.get(0).field());
        assertEquals("required property 'relationship' not found", errors.get(0).detail());
    }

    @Test
    void aNestedProblemIsNamedByItsPath() {
        List<FieldError> errors = FORM.validate(Json.parse("""
                {"relationship": "PARENT", "carer": {"age": 16}}"""), "data");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("data.carer.age", errors.get(0).field());
        assertEquals("must have a minimum value of 18", errors.get(0).detail());
    }
}
