package org.carespec.platform.ui.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.carespec.platform.identity.service.CarespecAuthentication;
import org.carespec.platform.identity.service.WebSessions;
import org.carespec.platform.referral.service.OverdueCount;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * The frame of a page for the signed-in browser: who they are, the sign-out form's token, and the overdue count in
 * the navigation (for those who hold a caseload). Empty when nobody is signed in: the page sends them to sign in.
 */
@Singleton
public class SignedInPages {

    /** The roles that hold a caseload of their provider's referrals. */
    static final Set<Role> CASEWORK = Set.of(Role.PRACTITIONER, Role.PROVIDER_MANAGER);

    private final CallerContext callers;
    private final PageCsrf csrf;
    private final WebSessions sessions;
    private final OverdueCount overdueCount;

    public SignedInPages(CallerContext callers, PageCsrf csrf, WebSessions sessions, OverdueCount overdueCount) {
        this.callers = callers;
        this.csrf = csrf;
        this.sessions = sessions;
        this.overdueCount = overdueCount;
    }

    public Optional<Shell> shell(HttpRequest<?> request, String page) {
        return frame(request, page, true);
    }

    /**
     * The frame of an error page: who is signed in, from the request alone (no database: it may be drawn for a
     * request the database could not answer), without the overdue count.
     */
    public Shell errorFrame(HttpRequest<?> request, long idleMinutes) {
        return request.getUserPrincipal(Authentication.class).isPresent()
                ? frame(request, null, false).orElse(Shell.anonymous(idleMinutes)) : Shell.anonymous(idleMinutes);
    }

    private Optional<Shell> frame(HttpRequest<?> request, String page, boolean counted) {
        Optional<Authentication> signedIn = request.getUserPrincipal(Authentication.class);
        Optional<String> token = csrf.tokenOf(request);
        if (signedIn.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = callers.require();
        boolean casework = caller.organisationId() != null && caller.roles().stream().anyMatch(CASEWORK::contains);
        long overdue = casework && counted ? overdueCount.ofCallersProvider() : 0;
        Object email = signedIn.get().getAttributes().get(CarespecAuthentication.EMAIL);
        boolean volunteer = !casework && caller.organisationId() != null && caller.roles().contains(Role.VOLUNTEER);
        return Optional.of(new Shell(true, email == null ? "" : email.toString(), token.get(), overdue, page,
                sessions.idle().toMinutes(), casework, volunteer));
    }

    /** Whether the signed-in caller works for a provider (practitioners, managers and volunteers). */
    public boolean inProvider() {
        Caller caller = callers.require();
        return caller.organisationId() != null && caller.roles().stream().anyMatch(r -> CASEWORK.contains(r)
                || r == Role.VOLUNTEER);
    }

    /** Whether the signed-in caller holds a caseload. */
    public boolean holdsCaseload() {
        Caller caller = callers.require();
        return caller.organisationId() != null && caller.roles().stream().anyMatch(CASEWORK::contains);
    }
}
