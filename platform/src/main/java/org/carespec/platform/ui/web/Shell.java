package org.carespec.platform.ui.web;

/**
 * What every page's frame shows: the signed-in person, their navigation with the count of overdue work, the sign-out
 * form's CSRF token, and how long a session lasts unused.
 *
 * @param page      the navigation item this page belongs to ({@code caseload}), or null
 * @param casework  whether the person holds a caseload (practitioners and managers of a provider)
 * @param volunteer whether the person is a volunteer (group attendance only)
 */
public record Shell(boolean signedIn, String who, String csrfToken, long overdue, String page, long idleMinutes,
                    boolean casework, boolean volunteer) {

    /** GOV.UK Frontend, served from its WebJar in our jar (no CDN). */
    public static final String GOVUK = "/webjars/govuk-frontend/5.14.0/dist/govuk";

    /** The frame of a page for someone not signed in. */
    public static Shell anonymous(long idleMinutes) {
        return new Shell(false, null, null, 0, null, idleMinutes, false, false);
    }

    public boolean current(String item) {
        return item.equals(page);
    }
}
