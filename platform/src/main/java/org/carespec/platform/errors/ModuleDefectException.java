package org.carespec.platform.errors;

/**
 * A module's declaration failed at run time (a KPI query that passed the start-up dry run but fails on a contract's
 * data): the caller did nothing wrong, so it is a 500, answered as problem+json naming the declaration so that
 * support and the module's authors know where to look.
 */
public class ModuleDefectException extends RuntimeException {

    public ModuleDefectException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
