package org.carespec.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carespec.platform.errors.FieldError;

/**
 * A body or parameter that could not be read: 400 naming the field the client sent and what it should look like,
 * never a Java type name or a stack trace.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConversionErrorHandler.class)
public class RequestBindingHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {

    private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]+)\\]");
    private static final Pattern DECODING = Pattern.compile("Error decoding property \\[(?:[^\\]\\s]+ )?([^\\]\\s]+)\\]");
    private static final Pattern TYPE = Pattern.compile("value of type `([^`]+)`");
    private static final Pattern POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException e) {
        Argument<?> argument = e.getArgument();
        String message = messages(e);
        FieldError error;
        if (!argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            error = new FieldError(argument.getName(), expectation(argument.getType()));
        } else if (refused(e).flatMap(StrictJson.Refused::field).isPresent()) {
            StrictJson.Refused refused = refused(e).orElseThrow();
            error = new FieldError(refused.field().orElseThrow(), refused.detail().startsWith("must be a date")
                    ? expectation(LocalDate.class) : refused.detail());
        } else {
            error = bodyError(argument.getType(), message);
            if ("(body)".equals(error.field())) {
                error = atPosition(request, argument.getType(), message).orElse(error);
            }
        }
        return Problems.response(request, ProblemType.INVALID_REQUEST, error.field() + " " + error.detail(),
                List.of(error));
    }

    static FieldError bodyError(Class<?> bodyType, String message) {
        String where = position(message);
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return new FieldError(unknown.group(1), "is not a field of this request");
        }
        Matcher decoding = DECODING.matcher(message);
        if (decoding.find()) {
            String field = decoding.group(1);
            return new FieldError(field, propertyType(bodyType, field).map(RequestBindingHandler::expectation)
                    .orElse("has the wrong type or format") + where);
        }
        Matcher type = TYPE.matcher(message);
        if (type.find()) {
            Optional<String> field = propertyOfType(bodyType, type.group(1));
            Optional<Class<?>> cls = load(type.group(1));
            String expected = cls.map(RequestBindingHandler::expectation).orElse("has the wrong type or format");
            if (field.isPresent()) {
                return new FieldError(field.get(), expected + where);
            }
            if (cls.isPresent() && cls.get().equals(bodyType)) {
                return new FieldError("(body)", "must be a JSON object" + where);
            }
            return new FieldError("(body)", "a field " + expected + where);
        }
        if (message.contains("Invalid JSON") || message.contains("Unexpected")) {
            return new FieldError("(body)", "is not valid JSON" + where);
        }
        return new FieldError("(body)", "could not be read" + where);
    }

    /**
     * Where the body has several fields of the type that could not be read (three amounts in pence), the parser's
     * line and column say which: the name of the property whose value starts there, read from the body as sent.
     */
    private static Optional<FieldError> atPosition(HttpRequest<?> request, Class<?> bodyType, String message) {
        Matcher at = POSITION.matcher(message);
        Matcher type = TYPE.matcher(message);
        if (!at.find() || !type.find()) {
            return Optional.empty();
        }
        Optional<String> body = text(request);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = body.get().split("\n", -1);
        int line = Integer.parseInt(at.group(1));
        int column = Integer.parseInt(at.group(2));
        if (line < 1 || line > lines.length) {
            return Optional.empty();
        }
        String before = lines[line - 1].substring(0, Math.min(Math.max(column - 1, 0), lines[line - 1].length()));
        Matcher name = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)\"\\s*:\\s*[^:]*$").matcher(before);
        if (!name.find() || propertyType(bodyType, name.group(1)).isEmpty()) {
            return Optional.empty();
        }
        String where = position(message);
        return Optional.of(new FieldError(name.group(1), propertyType(bodyType, name.group(1))
                .map(RequestBindingHandler::expectation).orElse("has the wrong type or format") + where));
    }

    /** The body as sent, when the server still holds it in memory (it does for a JSON body it has just decoded). */
    private static Optional<String> text(HttpRequest<?> request) {
        if (!(request instanceof io.micronaut.http.ServerHttpRequest<?> server)) {
            return Optional.empty();
        }
        try (io.micronaut.http.body.CloseableByteBody copy = server.byteBody().split();
             io.micronaut.http.body.CloseableAvailableByteBody available = copy.buffer()
                     .get(1, java.util.concurrent.TimeUnit.SECONDS)) {
            return Optional.of(new String(available.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date from 1900-01-01 to 2100-12-31, written like 2027-04-01";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == java.time.Instant.class) {
            return "must be a date and time written like 2027-04-01T09:30:00+01:00";
        }
        if (type == UUID.class) {
            return "must be an id (a UUID)";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be a JSON object";
        }
        return "must be a JSON object of the documented shape";
    }

    private static Optional<Class<?>> propertyType(Class<?> bodyType, String field) {
        return introspection(bodyType).flatMap(i -> i.getProperty(field)).map(BeanProperty::getType);
    }

    private static Optional<String> propertyOfType(Class<?> bodyType, String typeName) {
        Optional<? extends BeanIntrospection<?>> introspection = introspection(bodyType);
        if (introspection.isEmpty()) {
            return Optional.empty();
        }
        List<String> matches = introspection.get().getBeanProperties().stream()
                .filter(p -> p.getType().getName().equals(typeName)).map(BeanProperty::getName).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<? extends BeanIntrospection<?>> introspection(Class<?> type) {
        return (Optional) BeanIntrospector.SHARED.findIntrospection(type);
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, RequestBindingHandler.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String position(String message) {
        Matcher m = POSITION.matcher(message);
        return m.find() ? " (line " + m.group(1) + ", column " + m.group(2) + ")" : "";
    }

    private static Optional<StrictJson.Refused> refused(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StrictJson.Refused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append(" | ");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return all.toString();
    }
}
