package org.carespec.platform.errors;

/** The request is valid but conflicts with the current state (an illegal transition, a rule that refuses). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
