package org.carespec.platform.identity.service;

import java.util.Optional;
import java.util.Set;

/**
 * NCSC-style password rules: length rather than composition rules, and not one of the passwords everybody
 * tries first. Returns the reason a password is refused, if it is.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password1234", "passwordpassword", "123456789012",
            "qwertyuiopas", "letmeinletmein", "changemechangeme", "welcomewelcome", "administrator");

    private PasswordPolicy() {
    }

    public static Optional<String> refusal(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase();
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("is too easy to guess");
        }
        if (email != null && lower.contains(email.toLowerCase())) {
            return Optional.of("must not contain the e-mail address");
        }
        return Optional.empty();
    }
}
