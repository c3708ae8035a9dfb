package org.carespec.platform.errors;

/** The request was right but could not be answered now (a return's figures took longer than allowed): 503. */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
