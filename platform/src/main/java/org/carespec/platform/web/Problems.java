package org.carespec.platform.web;

import org.carespec.platform.tenancy.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import org.carespec.platform.errors.FieldError;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemType type, String detail,
                                                        List<FieldError> errors) {
        return HttpResponse.<Problem>status(type.status())
                .contentType(Problem.MEDIA_TYPE)
                .body(body(request, type, detail, errors));
    }

    public static Problem body(HttpRequest<?> request, ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail,
                request == null ? null : request.getPath(), errors == null ? List.of() : errors,
                RequestIds.of(request));
    }
}
