package org.carespec.platform.boot;

/** The database could not be prepared; the message says what to do. */
public class DatabaseStartupException extends RuntimeException {

    public DatabaseStartupException(String message) {
        super(message);
    }

    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
