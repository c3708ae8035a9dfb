package org.carespec.platform.identity.service;

/** Login did not succeed; answered 401 with a message that does not say whether the account exists. */
public class LoginRefusedException extends RuntimeException {

    public static final String MESSAGE = "The e-mail address or password is wrong, or the account is locked for a while.";

    public LoginRefusedException() {
        super(MESSAGE);
    }
}
