package org.carespec.platform.errors;

import java.util.List;

/** The request is well-formed but some fields are wrong; answered 400 with each field named. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String detail) {
        return new InvalidRequestException(List.of(new FieldError(field, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
