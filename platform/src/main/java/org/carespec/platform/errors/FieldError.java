package org.carespec.platform.errors;

import io.micronaut.serde.annotation.Serdeable;

/** One problem with one field of a request, as a problem+json body lists it. */
@Serdeable
public record FieldError(String field, String detail) {
}
