package org.carespec.platform.json;

/** A JSON Schema a plugin contributed is not a valid schema. */
public class SchemaProblem extends RuntimeException {

    public SchemaProblem(String message) {
        super(message);
    }
}
