package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.carespec.platform.identity.service.LoginRefusedException;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web UI's front door as a browser meets it: the sign-in page at the address the run command prints, a session
 * cookie the JSON API never accepts, CSRF tokens on every form, security headers on every page, and a caseload that
 * shows the provider's own referrals only.
 */
@MicronautTest(transactional = false)
class SignInAndCaseloadPagesTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    TestTenant otherTenant;

    @BeforeAll
    void twoProvidersAndTwoTenants() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        otherTenant = TestTenant.create(api);
        Casework ours = Casework.practitioner(api, tenant, "fixture", Map.of());
        String ada = ours.person("Ada", "Ourcase", "1970-01-01", null);
        ours.refer(ada, "2026-04-14T10:00:00", "GP", null, null).expect(201);
        Casework theirs = new Casework(api, tenant, tenant.contract("fixture", tenant.otherProvider, Map.of()),
                tenant.otherProviderPractitioner);
        theirs.refer(theirs.person("Bea", "Otherprovider", "1971-01-01", null), "2026-04-15T10:00:00", "GP", null,
                null).expect(201);
        Casework elsewhere = Casework.practitioner(api, otherTenant, "fixture", Map.of());
        elsewhere.refer(elsewhere.person("Cy", "Othertenant", "1972-01-01", null), "2026-04-16T10:00:00", "GP",
                null, null).expect(201);
    }

    @Test
    void theAddressTheRunCommandPrintsIsTheSignInPageWithItsSecurityHeaders() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> page = browser.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("Sign in to Carespec"), page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(page.body().contains("<script>"), "no inline script");
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(page.body().contains("GDS Transport"), "our name and font, not GOV.UK's");
        assertFalse(page.body().contains("name=\"tenant\""), "one tenant is the usual case: no field for it");
        String invited = browser.get("/?tenant=kirklees").body();
        assertTrue(invited.contains("name=\"tenant\" type=\"text\"\n         value=\"kirklees\""), invited);
        for (String file : List.of("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
                "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js", "/ui/carespec.css",
                "/ui/carespec.js", "/webjars/htmx.org/2.0.10/dist/htmx.min.js")) {
            assertEquals(200, browser.get(file).statusCode(), file + " is served from the jar");
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountReadTheSameAndNothingIsSignedIn() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> wrong = browser.signIn(tenant.email(Role.PRACTITIONER), "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("There is a problem"), wrong.body());
        assertTrue(wrong.body().contains("href=\"#email\""), "the summary links to the field");
        assertTrue(wrong.body().contains(LoginRefusedException.MESSAGE.replace("'", "&#39;")), wrong.body());
        assertTrue(wrong.body().contains("value=\"" + tenant.email(Role.PRACTITIONER) + "\""), "the email is kept");
        HttpResponse<String> unknown = browser.signIn("nobody@nowhere.test", "not the password");
        assertEquals(401, unknown.statusCode());
        assertEquals(errorsOf(wrong.body()), errorsOf(unknown.body()));
        assertFalse(browser.cookies().containsKey("carespec_session"));
        HttpResponse<String> blank = browser.signIn("", "");
        assertEquals(400, blank.statusCode());
        assertTrue(blank.body().contains("Enter your email address") && blank.body().contains("Enter your password"));
    }

    @Test
    void signingInGivesAnHttpOnlySessionCookieThatTheJsonApiNeverAccepts() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> signedIn = browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/caseload", signedIn.headers().firstValue("Location").orElse(""));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("carespec_session=")).findFirst().orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly") && attributes.contains("samesite=lax")
                && attributes.contains("; secure"), cookie);
        assertEquals(401, browser.api("/api/v1/me").statusCode(), "the API is bearer-only");
        assertEquals(401, browser.api("/api/v1/referrals").statusCode());
    }

    @Test
    void theCaseloadShowsTheProvidersOwnReferralsOnly() {
        Browser browser = new Browser(server.getURI());
        assertEquals(303, browser.get("/caseload").statusCode(), "not signed in: to the sign-in page");
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        HttpResponse<String> caseload = browser.get("/caseload");
        assertEquals(200, caseload.statusCode(), caseload.body());
        assertTrue(caseload.body().contains("Ada Ourcase"), caseload.body());
        assertFalse(caseload.body().contains("Otherprovider"), "another provider's referral");
        assertFalse(caseload.body().contains("Othertenant"), "another tenant's referral");
        assertTrue(caseload.body().contains("govuk-tag--red"), "Ada's first contact is long overdue");
        assertTrue(caseload.body().contains("overdue</strong>"), "the overdue count in the navigation");
        HttpResponse<String> filtered = browser.get("/caseload?status=CLOSED");
        assertFalse(filtered.body().contains("Ada Ourcase"), "filtered by status");
        assertTrue(browser.get("/caseload?status=NOT_A_STATUS&page=-4").body().contains("Ada Ourcase"),
                "a hand-edited address shows the whole list, not an error");

        Browser other = new Browser(server.getURI());
        other.signIn(otherTenant.email(Role.PRACTITIONER), PASSWORD);
        String theirs = other.get("/caseload").body();
        assertTrue(theirs.contains("Cy Othertenant"), theirs);
        assertFalse(theirs.contains("Ada Ourcase"), "another tenant's practitioner sees none of ours");
    }

    @Test
    void theCaseloadOpensOnOpenReferralsAndFindsOneByNameOrNhsNumberInTheProviderOnly() {
        Casework ours = Casework.practitioner(api, tenant, "fixture", Map.of());
        String dee = api.post("/api/v1/persons", ours.token, Map.of("givenName", "Dee", "familyName", "Closedcase",
                "nhsNumber", "4857773457")).expect(201).id();
        String declined = ours.refer(dee, "2026-04-20T10:00:00", "GP", null, null).expect(201).id();
        ours.event(declined, "DECLINED", "2026-04-21T10:00:00", Map.of("reason", "NOT_ELIGIBLE", "note", "No"))
                .expect(201);
        Casework theirs = new Casework(api, tenant, tenant.contract("fixture", tenant.otherProvider, Map.of()),
                tenant.otherProviderPractitioner);
        api.post("/api/v1/persons", theirs.token, Map.of("givenName", "Eve", "familyName", "Theirs",
                "nhsNumber", "6503012349")).expect(201);
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);

        String open = browser.get("/caseload").body();
        assertTrue(open.contains("Ada Ourcase") && !open.contains("Dee Closedcase"), "open referrals by default");
        assertTrue(browser.get("/caseload?status=ANY").body().contains("Dee Closedcase"), "any status");
        assertTrue(browser.get("/caseload?status=DECLINED").body().contains("Dee Closedcase"));

        String byNhsNumber = browser.get("/caseload?status=ANY&search=485+777+3457").body();
        assertTrue(byNhsNumber.contains("Dee Closedcase") && !byNhsNumber.contains("Ada Ourcase"), byNhsNumber);
        String byName = browser.get("/caseload?status=ANY&search=%20ourCASE%20").body();
        assertTrue(byName.contains("Ada Ourcase") && !byName.contains("Dee Closedcase"), byName);
        assertTrue(byName.contains("value=\"ourCASE\""), "the search is kept in its box");
        assertTrue(byName.contains("search=ourCASE") || !byName.contains("rel=\"next\""), "and in the page links");
        for (String elsewhere : List.of("Otherprovider", "Othertenant", "6503012349", "%25", "_")) {
            String found = browser.get("/caseload?status=ANY&search=" + elsewhere).body();
            assertTrue(found.contains("0 referrals"), elsewhere + ": " + found);
        }
        assertEquals(400, browser.get("/caseload?search=%00Ada").statusCode(),
                "a control character in a hand-edited address is a 400 page, not a 500");

        assertEquals(1, api.get("/api/v1/referrals?search=4857773457", ours.token).expect(200).json()
                .path("total").asInt(), "the API searches the same way");
        assertEquals(0, api.get("/api/v1/referrals?open=true&search=4857773457", ours.token).expect(200).json()
                .path("total").asInt());
        assertEquals(0, api.get("/api/v1/referrals?moduleId=carers-options", ours.token).expect(200).json()
                .path("total").asInt(), "no referral under another module's contract");
        assertTrue(api.get("/api/v1/referrals?moduleId=fixture", ours.token).expect(200).json()
                .path("total").asInt() >= 2);
        assertEquals(List.of("search"), api.get("/api/v1/referrals?search=%00", ours.token).expect(400)
                .problemFields(), "a control character in the API's search is a 400 naming it");
    }

    @Inject
    org.carespec.platform.referral.service.ReferralList referralList;

    @Inject
    org.carespec.platform.tenancy.CallerContext callers;

    @Test
    void aLargeCaseloadIsCountedOnlyAsFarAsThePageNeeds() {
        Casework ours = Casework.practitioner(api, tenant, "fixture", Map.of());
        for (String name : List.of("Gil", "Hal", "Ivy")) {
            ours.refer(ours.person(name, "Counted", "1980-01-01", null), "2026-11-02T10:00:00", "GP", null, null)
                    .expect(201);
        }
        var practitioner = new org.carespec.platform.tenancy.Caller("count-test",
                java.util.UUID.fromString(tenant.userIds.get(Role.PRACTITIONER)), java.util.UUID.fromString(tenant.id),
                java.util.UUID.fromString(tenant.provider), java.util.Set.of(Role.PRACTITIONER), "count-test");
        var filter = org.carespec.platform.referral.service.ReferralFilter.all().search("Counted");
        var page = org.carespec.platform.paging.PageRequest.of(0, 1);
        assertEquals(3, callers.callAs(practitioner, () -> referralList.list(filter, page)).total());
        assertEquals(3, callers.callAs(practitioner, () -> referralList.listCountingUpTo(filter, page, 5)).total());
        assertEquals(2, callers.callAs(practitioner, () -> referralList.listCountingUpTo(filter, page, 1)).total(),
                "counted to one past the limit, which says 'more than 1'");
        assertEquals(1, callers.callAs(practitioner, () -> referralList.listCountingUpTo(filter, page, 1)).items()
                .size(), "the page itself is as asked");
        String words = new org.carespec.platform.ui.web.CaseloadView(List.of(), "", null, false, null, "", 0, 2,
                1000, true, List.of(), List.of(), List.of()).count();
        assertEquals("More than 1,000 referrals", words);
        assertEquals("1 referral", new org.carespec.platform.ui.web.CaseloadView(List.of(), "", null, false, null, "",
                0, 1, 1, false, List.of(), List.of(), List.of()).count());
    }

    @Test
    void theOverdueCountInTheNavigationFollowsAClockMetAMomentAgo() {
        Casework ours = Casework.practitioner(api, tenant, "fixture", Map.of());
        String fay = ours.person("Fay", "Waiting", "1975-01-01", null);
        // first contact due in 3 working days (overdue today), the assessment in 14 calendar days (not yet)
        String referral = ours.refer(fay, "2026-11-20T10:00:00", "GP", null, null).expect(201).id();
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        long before = overdueInNavigation(browser.get("/caseload").body());
        assertTrue(before >= 1, "Fay's first contact is overdue");
        ours.event(referral, "CONTACTED", TODAY + "T09:00:00", Map.of()).expect(201);
        assertEquals(before - 1, overdueInNavigation(browser.get("/caseload").body()),
                "the count kept for the navigation is forgotten when a clock of the provider changes");
    }

    private static long overdueInNavigation(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) overdue</strong>").matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void aBrowserMeetsErrorsAsPagesAndTheApiKeepsItsProblems() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> unknown = browser.get("/no-such-page");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(unknown.body().contains("Page not found") && unknown.body().contains("href=\"/\">Sign in"),
                unknown.body());
        assertTrue(unknown.headers().firstValue("Content-Security-Policy").isPresent(), "the page's headers");
        browser.get("/");
        HttpResponse<String> forged = browser.postExactly("/sign-in", Map.of("email", "a@b.test", "password", "x"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("You cannot do that") && forged.body().contains("This form has expired"),
                forged.body());

        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        HttpResponse<String> signedIn = browser.get("/referrals/not-a-referral/nothing-here");
        assertEquals(404, signedIn.statusCode());
        assertTrue(signedIn.body().contains("Page not found") && signedIn.body().contains("Sign out"),
                "in the signed-in frame: " + signedIn.body());

        HttpResponse<String> api = browser.api("/api/v1/no-such-thing");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "the API answers problem+json whoever asks");
    }

    @Test
    void everyFormNeedsItsCsrfTokenAndSigningOutEndsTheSession() {
        Browser browser = new Browser(server.getURI());
        browser.get("/");
        assertEquals(403, browser.postExactly("/sign-in", Map.of("email", tenant.email(Role.PRACTITIONER),
                "password", PASSWORD)).statusCode(), "a sign-in form from elsewhere");
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        browser.get("/caseload");
        String token = browser.csrfToken().orElseThrow();
        assertEquals(403, browser.postExactly("/sign-out", Map.of()).statusCode(), "no token");
        assertEquals(403, browser.postExactly("/sign-out", Map.of("csrfToken", token + "x")).statusCode());
        assertEquals(200, browser.get("/caseload").statusCode(), "still signed in");
        String session = browser.cookies().get("carespec_session");
        HttpResponse<String> out = browser.post("/sign-out", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals(303, browser.get("/caseload").statusCode(), "signed out");
        assertTrue(browser.get("/?signedOut=yes").body().contains("You have signed out."));
        // the old cookie, replayed, opens nothing: sign-out revoked the session on the server
        Browser replay = new Browser(server.getURI());
        replay.cookies().put("carespec_session", session);
        assertEquals(303, replay.get("/caseload").statusCode());
    }

    @Test
    void aSessionUnusedForHalfAnHourEndsAndOnlyItsHashIsStored() throws Exception {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PROVIDER_MANAGER), PASSWORD);
        String key = browser.cookies().get("carespec_session");
        assertEquals(200, browser.get("/caseload").statusCode());
        try (java.sql.Connection c = org.carespec.platform.test.TestDatabase.ownerConnection();
             java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("select count(*) from web_session where token_hash = '"
                    + key + "'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the key itself is never stored");
            }
            // last used 29 minutes ago (on the application's clock): still open; 31: ended
            String back = "update web_session set created_at = created_at - interval '%1$d minutes',"
                    + " last_seen_at = last_seen_at - interval '%1$d minutes' where user_id = '"
                    + tenant.userIds.get(Role.PROVIDER_MANAGER) + "' and revoked_at is null";
            s.executeUpdate(back.formatted(29));
            assertEquals(200, browser.get("/caseload").statusCode(), "29 minutes unused");
            s.executeUpdate(back.formatted(31));
        }
        assertEquals(303, browser.get("/caseload").statusCode(), "31 minutes unused: signed out");
    }

    @Test
    void aCommissionerHasNoCaseloadButASignedInPage() {
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.COMMISSIONER), PASSWORD);
        HttpResponse<String> page = browser.get("/caseload");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Your role holds no caseload"), page.body());
    }

    private static String errorsOf(String page) {
        int start = page.indexOf("govuk-error-summary__list");
        return page.substring(start, page.indexOf("</ul>", start));
    }
}
