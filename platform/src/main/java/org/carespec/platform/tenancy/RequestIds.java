package org.carespec.platform.tenancy;

import io.micronaut.http.HttpRequest;

/** Where a request's id is kept while it is handled: set by the web layer's filter, read for the caller and errors. */
public final class RequestIds {

    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = "carespec.requestId";

    private RequestIds() {
    }

    /** The id of a request, or {@code null} outside one. */
    public static String of(HttpRequest<?> request) {
        return request == null ? null : request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
