package org.carespec.platform.web;

import org.carespec.platform.tenancy.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.errors.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error Micronaut itself answers (unknown route, wrong method, oversized body, bad JSON, refused
 * authorisation) into problem+json. Server errors never carry the exception's message: only the request id.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        if (status == 500 && context.getRootCause().map(DatabaseAway::explains).orElse(false)) {
            // a failure the database being away explains, come wrapped past DomainExceptionHandlers (DatabaseAway)
            LOG.warn("Request {} {} answered 503, the database is unavailable (request id {}): {}",
                    context.getRequest().getMethodName(), context.getRequest().getPath(),
                    RequestIds.of(context.getRequest()), context.getRootCause().get().toString());
            Problem body = new Problem(ProblemType.UNAVAILABLE.uri(), ProblemType.UNAVAILABLE.title(), 503,
                    DatabaseAway.DETAIL, context.getRequest().getPath(), List.of(),
                    RequestIds.of(context.getRequest()));
            return response.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", DatabaseAway.RETRY_AFTER_SECONDS).contentType(Problem.MEDIA_TYPE).body(body);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail;
        List<FieldError> errors = new ArrayList<>();
        if (status >= 500) {
            context.getRootCause().ifPresent(cause -> LOG.error("Request {} {} failed (request id {})",
                    context.getRequest().getMethodName(), context.getRequest().getPath(),
                    RequestIds.of(context.getRequest()), cause));
            detail = "The request could not be completed. Quote request id "
                    + RequestIds.of(context.getRequest()) + " to support.";
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(type.title());
            for (Error error : context.getErrors()) {
                error.getPath().ifPresent(path -> errors.add(new FieldError(path, error.getMessage())));
            }
            if (status == 413) {
                detail = "The request body is larger than this endpoint accepts.";
            }
        }
        Problem body = new Problem(type.uri(), type.title(), status, detail, context.getRequest().getPath(), errors,
                RequestIds.of(context.getRequest()));
        return response.contentType(Problem.MEDIA_TYPE).body(body);
    }
}
