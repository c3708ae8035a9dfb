package org.carespec.platform.boot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login modules' KPI queries run as: {@code <application role>_reporting}, which can read the
 * {@code reporting} views and nothing else, is a member of no role and has no member. It logs in on its own (a
 * separate pool, {@code ReportingConnections}), so a query cannot return to a more powerful role the way it could
 * from {@code SET ROLE} on the application's session.
 *
 * <p>Its password is {@code DATABASE_REPORTING_PASSWORD} when set; otherwise it is derived from the application
 * role's login, so every instance arrives at the same one. Where the platform prepares the roles itself (embedded,
 * or an owner with CREATEROLE) it creates or updates the login; a DBA preparing the database by hand creates it
 * with {@code deploy/db/create-roles.sql} and sets the variable.
 */
public final class ReportingRole {

    private static final Pattern PLAIN = Pattern.compile("^[a-z_][a-z0-9_]{0,50}$");

    private ReportingRole() {
    }

    /** The reporting role's name for an application role; both must be plain lower-case SQL names. */
    public static String nameFor(String applicationRole) {
        if (!PLAIN.matcher(applicationRole).matches()) {
            throw new DatabaseStartupException("the application role '" + applicationRole + "' must be a plain"
                    + " lower-case name (letters, digits, underscores) so that its reporting role can be named");
        }
        return applicationRole + "_reporting";
    }

    /** The reporting login that goes with an application login. */
    public static Credentials credentialsFor(Credentials application, Map<String, String> env) {
        String given = env.get("DATABASE_REPORTING_PASSWORD");
        String password = given != null && !given.isBlank() ? given : derivePassword(application);
        return new Credentials(nameFor(application.user()), password);
    }

    private static String derivePassword(Credentials application) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((application.user() + ":" + application.password())
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("carespec reporting role".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
