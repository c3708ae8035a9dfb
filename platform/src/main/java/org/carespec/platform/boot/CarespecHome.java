package org.carespec.platform.boot;

import java.nio.file.Path;
import java.util.Map;

/** Where a run keeps its embedded database and generated secrets: {@code CARESPEC_DATA_DIR}, else {@code ~/.carespec}. */
public final class CarespecHome {

    private CarespecHome() {
    }

    public static Path from(Map<String, String> env) {
        String configured = env.get("CARESPEC_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".carespec").toAbsolutePath();
    }
}
