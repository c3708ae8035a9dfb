package org.carespec.platform.person.domain;

import java.util.Optional;

/**
 * NHS numbers: ten digits whose last is a Modulus 11 check digit (NHS Data Dictionary). Weights 10 down to 2 are
 * applied to the first nine digits; 11 minus the remainder of their sum by 11 is the check digit, 11 counts as 0
 * and 10 means the number is not valid.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The ten digits without spaces or hyphens, if the text is a valid NHS number. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replace(" ", "").replace("-", "");
        return digits.matches("\\d{10}") && checkDigitMatches(digits) ? Optional.of(digits) : Optional.empty();
    }

    static boolean checkDigitMatches(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
