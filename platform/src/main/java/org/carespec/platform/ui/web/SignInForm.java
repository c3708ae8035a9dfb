package org.carespec.platform.ui.web;

import java.util.List;

/** The sign-in form as entered (never the password), with what was wrong with it. */
public record SignInForm(String email, String tenant, boolean askTenant, List<FieldMessage> errors) {

    public static SignInForm empty() {
        return new SignInForm(null, null, false, List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message beside a field, or null. */
    public String error(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldMessage::message).findFirst()
                .orElse(null);
    }
}
