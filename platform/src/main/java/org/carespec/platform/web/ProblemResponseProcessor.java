package org.carespec.platform.web;

import org.carespec.platform.tenancy.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
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
    /** What a request is told while the database is out of reach, and when to try again. */
    static final String DATABASE_AWAY = "The database is unavailable. Try again in a few seconds.";
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        if (status == 500 && context.getRootCause().map(ProblemResponseProcessor::databaseUnavailable).orElse(false)) {
            // The database is down or restarting, and the failure came wrapped past the handlers of
            // DomainExceptionHandlers.databaseFailure: the same answer, 503, since the request may be sent again.
            LOG.warn("Request {} {} answered 503, the database is unavailable (request id {}): {}",
                    context.getRequest().getMethodName(), context.getRequest().getPath(),
                    RequestIds.of(context.getRequest()), context.getRootCause().get().toString());
            Problem body = new Problem(ProblemType.UNAVAILABLE.uri(), ProblemType.UNAVAILABLE.title(), 503,
                    DATABASE_AWAY, context.getRequest().getPath(), List.of(), RequestIds.of(context.getRequest()));
            return response.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .contentType(Problem.MEDIA_TYPE).body(body);
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

    /**
     * Whether a failure means the database could not be reached: no pooled connection in time, a connection refused,
     * closed or broken (SQLSTATE class 08), or ended by a server shutting down or starting up (57P01-57P03). HikariCP
     * evicts a connection the server ended and answers any later call on it with "Connection is closed" and no
     * SQLSTATE; when that happens as the transaction is completed it is the only failure reported, the first lost.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && (sql.getSQLState() == null
                    ? "Connection is closed".equals(sql.getMessage()) : connectionState(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : c.getSuppressed()) {
                if (databaseUnavailable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean connectionState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }
}
