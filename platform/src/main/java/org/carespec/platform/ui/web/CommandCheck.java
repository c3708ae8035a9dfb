package org.carespec.platform.ui.web;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A page's command checked by the same Bean Validation constraints the API applies to its body, with each violation
 * said in plain English beside its field (the page's names for its fields are given as labels).
 */
@Singleton
public class CommandCheck {

    private final Validator validator;

    public CommandCheck(Validator validator) {
        this.validator = validator;
    }

    /** The violations of the command's constraints, by field: the field's id on the page and what to do. */
    public List<FieldMessage> check(Object command, Map<String, String> labels) {
        List<FieldMessage> messages = new ArrayList<>();
        validator.validate(command).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    String field = path.replaceAll("\\[(\\d+)]", "-$1").replaceAll("\\.", "-");
                    String root = path.replaceAll("[\\[.].*$", "");
                    String label = labels.getOrDefault(path, labels.getOrDefault(root, SchemaForm.words(root)));
                    messages.add(new FieldMessage(field, plain(v, label)));
                });
        return messages;
    }

    static String plain(ConstraintViolation<?> v, String label) {
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        String lower = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return switch (constraint.annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> "Enter " + lower;
            case "Size" -> label + " must be " + attributes.get("max") + " characters or fewer";
            case "Min" -> label + " must be " + attributes.get("value") + " or more";
            case "Max" -> label + " must be " + attributes.get("value") + " or fewer";
            case "PastOrPresent" -> label + " must be today or in the past";
            case "Past" -> label + " must be in the past";
            default -> label + " " + v.getMessage();
        };
    }
}
