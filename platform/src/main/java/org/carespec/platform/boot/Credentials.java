package org.carespec.platform.boot;

import java.util.Objects;

/** A database login. {@link #toString()} never shows the password. */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "Credentials[" + user + "]";
    }
}
