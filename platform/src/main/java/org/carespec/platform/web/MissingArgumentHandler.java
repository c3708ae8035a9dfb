package org.carespec.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.carespec.platform.errors.FieldError;

/** A required body or parameter was not sent: 400 naming it. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(UnsatisfiedArgumentHandler.class)
public class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedArgumentException e) {
        return missing(request, e.getArgument());
    }

    static HttpResponse<Problem> missing(HttpRequest<?> request, io.micronaut.core.type.Argument<?> argument) {
        boolean body = argument.getAnnotationMetadata().hasAnnotation(Body.class);
        FieldError error = body ? new FieldError("(body)", "a JSON body is required")
                : new FieldError(argument.getName(), "is required");
        return Problems.response(request, ProblemType.INVALID_REQUEST, error.field() + " " + error.detail(),
                List.of(error));
    }

    /** The same for a route whose argument is missing. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    static class Route implements ExceptionHandler<io.micronaut.web.router.exceptions.UnsatisfiedRouteException,
            HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request,
                                            io.micronaut.web.router.exceptions.UnsatisfiedRouteException e) {
            return missing(request, e.getArgument());
        }
    }

    /** A body that is not JSON at all. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.JsonExceptionHandler.class)
    static class Syntax implements ExceptionHandler<io.micronaut.json.JsonSyntaxException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.json.JsonSyntaxException e) {
            FieldError error = RequestBindingHandler.bodyError(Object.class, "Invalid JSON " + e.getMessage());
            return Problems.response(request, ProblemType.INVALID_REQUEST, error.field() + " " + error.detail(),
                    List.of(error));
        }
    }
}
