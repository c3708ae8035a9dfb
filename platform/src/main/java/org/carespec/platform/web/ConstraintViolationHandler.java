package org.carespec.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.carespec.platform.errors.FieldError;

/**
 * Bean Validation failures as 400 problems naming each field as the client sent it: {@code equality.ethnicity}
 * for a body field, {@code size} for a query parameter, never the Java method path.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).detail()
                : errors.size() + " fields are not valid";
        return Problems.response(request, ProblemType.INVALID_REQUEST, detail, errors);
    }

    static String fieldOf(Path path) {
        StringBuilder properties = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null) {
                    continue;
                }
                if (properties.length() > 0) {
                    properties.append('.');
                }
                properties.append(node.getName());
                if (node.getIndex() != null) {
                    properties.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (properties.length() > 0) {
            return properties.toString();
        }
        return parameter == null ? "(request)" : parameter;
    }
}
