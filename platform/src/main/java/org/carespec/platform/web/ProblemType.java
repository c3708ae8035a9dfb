package org.carespec.platform.web;

import io.micronaut.http.HttpStatus;

/** The problems this API answers with; each has a stable {@code type} URI documented in the README. */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "The request is not valid"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Sign in first"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "You may not do this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict with the current state"),
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED, "Send the length of the body"),
    TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable");

    private final HttpStatus status;
    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "https://carespec.org.uk/problems/" + name().toLowerCase().replace('_', '-');
    }

    public static ProblemType forStatus(int code) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == code) {
                return type;
            }
        }
        return code >= 500 ? SERVER_ERROR : INVALID_REQUEST;
    }
}
