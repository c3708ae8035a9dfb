package org.carespec.platform.ui.web;

import java.util.List;
import java.util.Map;

/**
 * A page that records one thing about a referral (a plan, an activity): the referral it is for, the fields as drawn,
 * and what was wrong.
 *
 * @param action where the form posts
 */
public record StepForm(String referralId, String personName, String title, String action, List<SchemaForm.Field> fields,
                       List<FieldMessage> errors, String button) {

    /** Errors by field id, for the fields' own messages. */
    public static Map<String, String> byField(List<FieldMessage> errors) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        errors.stream().filter(e -> e.field() != null).forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
