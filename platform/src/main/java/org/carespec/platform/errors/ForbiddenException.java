package org.carespec.platform.errors;

/** The caller is signed in but may not do this. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
