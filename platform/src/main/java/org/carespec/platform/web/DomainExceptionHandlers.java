package org.carespec.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.ModuleDefectException;
import org.carespec.platform.errors.NoTenantException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.errors.TooManyAttemptsException;
import org.carespec.platform.errors.UnavailableException;

/** Problem+json answers for the platform's own exceptions. */
final class DomainExceptionHandlers {

    private DomainExceptionHandlers() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFoundException e) {
            return Problems.response(request, ProblemType.NOT_FOUND, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {UnavailableException.class, ExceptionHandler.class})
    static class Unavailable implements ExceptionHandler<UnavailableException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnavailableException e) {
            return Problems.response(request, ProblemType.UNAVAILABLE, e.getMessage(), List.of());
        }
    }

    /**
     * A connection the pool could not give or the server ended: 503 when the database is away ({@link DatabaseAway}),
     * one WARN line and no stack trace; any other connection failure is a fault of ours, 500, logged in full.
     */
    static HttpResponse<Problem> databaseFailure(HttpRequest<?> request, RuntimeException e) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DomainExceptionHandlers.class);
        if (!DatabaseAway.explains(e)) {
            log.error("A database connection failed", e);
            return Problems.response(request, ProblemType.SERVER_ERROR, "The request could not be completed.",
                    List.of());
        }
        log.warn("Request {} {} answered 503, the database is unavailable: {}", request.getMethodName(),
                request.getPath(), e.toString());
        return Problems.response(request, ProblemType.UNAVAILABLE, DatabaseAway.DETAIL, List.of())
                .header("Retry-After", DatabaseAway.RETRY_AFTER_SECONDS);
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {ConnectionException.class, ExceptionHandler.class})
    static class BrokenConnection implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException e) {
            return databaseFailure(request, e);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
    static class NoConnection implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException e) {
            return databaseFailure(request, e);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {TooManyAttemptsException.class, ExceptionHandler.class})
    static class TooManyAttempts implements ExceptionHandler<TooManyAttemptsException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TooManyAttemptsException e) {
            return Problems.response(request, ProblemType.TOO_MANY_REQUESTS, e.getMessage(), List.of())
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {ModuleDefectException.class, ExceptionHandler.class})
    static class ModuleDefect implements ExceptionHandler<ModuleDefectException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ModuleDefectException e) {
            org.slf4j.LoggerFactory.getLogger(DomainExceptionHandlers.class).error("{}", e.getMessage(), e);
            return Problems.response(request, ProblemType.SERVER_ERROR, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {ConflictException.class, ExceptionHandler.class})
    static class Conflict implements ExceptionHandler<ConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConflictException e) {
            return Problems.response(request, ProblemType.CONFLICT, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {ForbiddenException.class, ExceptionHandler.class})
    static class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ForbiddenException e) {
            return Problems.response(request, ProblemType.FORBIDDEN, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {NoTenantException.class, ExceptionHandler.class})
    static class NoTenant implements ExceptionHandler<NoTenantException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NoTenantException e) {
            return Problems.response(request, ProblemType.FORBIDDEN, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {InvalidRequestException.class, ExceptionHandler.class})
    static class Invalid implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            String detail = e.errors().size() == 1 ? e.errors().get(0).field() + " " + e.errors().get(0).detail()
                    : e.errors().size() + " fields are not valid";
            return Problems.response(request, ProblemType.INVALID_REQUEST, detail, e.errors());
        }
    }
}
