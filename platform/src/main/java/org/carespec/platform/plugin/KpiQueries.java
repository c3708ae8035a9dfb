package org.carespec.platform.plugin;

/** What the platform requires of a module's KPI SQL text, checked when a plugin is installed and before each run. */
public final class KpiQueries {

    private KpiQueries() {
    }

    /**
     * Whether a KPI query is one statement: no semicolon but a trailing one. pgjdbc runs each statement of a
     * string it is given, so this is checked when a plugin is installed and again before every run.
     */
    public static boolean isOneStatement(String query) {
        return stripSemicolon(query).indexOf(';') < 0;
    }

    /** The query without the one trailing semicolon it may end with. */
    public static String stripSemicolon(String query) {
        String trimmed = query.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
