package org.carespec.platform.errors;

/**
 * The thing asked for does not exist for this caller. Another tenant's or another provider's id gets exactly this
 * answer, so an id says nothing about whether it exists elsewhere.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " was not found");
    }
}
