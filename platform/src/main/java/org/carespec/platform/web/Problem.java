package org.carespec.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carespec.platform.errors.FieldError;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} names each field that was
 * wrong; {@code requestId} lets a user quote the failed request to support.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. Empty members are left out.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem", format = "uri") String type,
        @Schema(description = "The kind of problem, for people") String title,
        @Schema(description = "The HTTP status") int status,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "What went wrong, for people")
        String detail,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "The path of the request")
        String instance,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "One entry per field that was wrong")
        List<FieldError> errors,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "Quote it to support")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
