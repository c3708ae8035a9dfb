package org.carespec.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.carespec.platform.errors.FieldError;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} names each field that was
 * wrong; {@code requestId} lets a user quote the failed request to support.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
