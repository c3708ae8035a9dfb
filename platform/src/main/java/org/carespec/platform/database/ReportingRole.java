package org.carespec.platform.database;

import java.util.regex.Pattern;

/**
 * The role modules' KPI queries run as: {@code <application role>_reporting}, which can read the {@code reporting}
 * views and nothing else. Migration V4 creates it (when the owner may create roles) and makes the application role
 * a member, so the platform can {@code SET LOCAL ROLE} to it for one read-only transaction. A DBA preparing the
 * database by hand creates it with {@code deploy/db/create-roles.sql}.
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
}
