package org.carespec.platform.ui.web;

/**
 * What an error page says: a heading in the GOV.UK pattern's words for the status, what happened, and what to do.
 *
 * @param detail    a sentence for the person (a refused form's reason), or null
 * @param requestId the id support can find the request by, for a fault of ours
 */
public record ErrorPage(int status, String heading, String detail, String advice, String requestId) {

    static ErrorPage of(int status, String detail, String requestId) {
        return switch (status) {
            case 404 -> new ErrorPage(status, "Page not found", null, "If you typed the web address, check it is"
                    + " correct. If you followed a link, the record may belong to another organisation, or it may no"
                    + " longer exist.", null);
            case 403 -> new ErrorPage(status, "You cannot do that", detail, "If you think you should be able to,"
                    + " ask your organisation's manager for the access you need.", null);
            case 401 -> new ErrorPage(status, "Sign in to continue", null, "Your session may have ended.", null);
            case 503 -> new ErrorPage(status, "Sorry, the service is unavailable", null, "Try again in a few"
                    + " minutes. Nothing you had saved is lost.", requestId);
            default -> status >= 500
                    ? new ErrorPage(status, "Sorry, there is a problem with the service", null, "Try again later."
                    + " If it happens again, tell support this reference.", requestId)
                    : new ErrorPage(status, "There is a problem", detail, "Go back and try again.", null);
        };
    }
}
