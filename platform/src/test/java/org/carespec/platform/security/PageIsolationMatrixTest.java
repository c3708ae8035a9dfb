package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.RawDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's isolation matrix for the web pages: every page route the router knows (read from the router, so a new
 * page is in the matrix the day it is written, or fails it until its path variables are described here), filled
 * with the real ids of a tenant's case file, asked for and posted to by signed-in people of another tenant and of
 * another provider in the same tenant, and by a browser with no session. Each answer must refuse (a not-found or
 * forbidden page, or the sign-in page), show none of the case file's ids, names or notes, and change no row of the
 * tenant. A form is posted with the outsider's own CSRF token and no fields: a page that re-draws the form of
 * someone else's record with its errors would show it.
 */
@MicronautTest(transactional = false)
class PageIsolationMatrixTest extends IntegrationTest {

    /** The pages anyone may open without a session: the sign-in page and its form. */
    private static final Set<String> SIGN_IN = Set.of("GET /", "POST /sign-in");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    ApiOperations a;
    TestTenant b;
    Map<String, Browser> outsiders = new LinkedHashMap<>();

    @BeforeAll
    void aCaseFileAndItsOutsiders() {
        Api api = new Api(server);
        a = new ApiOperations(api);
        b = TestTenant.create(api);
        outsiders.put("another tenant's practitioner", signedIn(b.email(Role.PRACTITIONER)));
        outsiders.put("another tenant's manager", signedIn(b.email(Role.PROVIDER_MANAGER)));
        outsiders.put("another provider's practitioner", signedIn("practitioner2@" + a.t.slug + ".test"));
        outsiders.put("another provider's manager", signedIn("manager2@" + a.t.slug + ".test"));
        outsiders.put("no session", new Browser(server.getURI()));
    }

    /** A page route with its path variables filled from the case file. */
    record Page(HttpMethod method, String template, String path) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Test
    void outsidersGetNoPageOfTheCaseFileAndChangeNothing() throws Exception {
        List<Page> pages = pages();
        Set<String> secrets = secrets();
        Map<String, String> before = RawDatabase.fingerprint(a.t.id);
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Map.Entry<String, Browser> outsider : outsiders.entrySet()) {
            Browser browser = outsider.getValue();
            for (Page page : pages) {
                boolean namesTheirs = secrets.stream().anyMatch(page.path()::contains);
                HttpResponse<String> answer;
                if (page.method() == HttpMethod.GET) {
                    answer = browser.get(page.path());
                } else {
                    browser.get("/caseload"); // the outsider's own CSRF token, as their own page would carry
                    answer = browser.post(page.path(), Map.of());
                }
                int status = answer.statusCode();
                boolean toSignIn = status == 303 || status == 302;
                if (status >= 500) {
                    wrong.add(outsider.getKey() + ": " + page + " answered " + status);
                } else if (namesTheirs && !(Set.of(400, 403, 404).contains(status) || toSignIn)) {
                    wrong.add(outsider.getKey() + ": " + page + " answered " + status);
                } else if ("no session".equals(outsider.getKey()) && !toSignIn && status != 403
                        && !SIGN_IN.contains(page.toString())) {
                    wrong.add("no session: " + page + " answered " + status);
                }
                if (namesTheirs) {
                    refusals++;
                }
                for (String secret : secrets) {
                    if (answer.body().contains(secret) && !page.path().contains(secret)) {
                        wrong.add(outsider.getKey() + ": " + page + " showed " + secret);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(refusals > 20 * outsiders.size(), "pages naming the case file's records were asked for: "
                + refusals);
        Map<String, String> after = RawDatabase.fingerprint(a.t.id);
        List<String> changed = after.keySet().stream().filter(t -> !t.contains("audit_seal")
                && !t.contains("audit_unsealed") && !t.contains("web_session") && !after.get(t).equals(before.get(t)))
                .toList();
        assertEquals(List.of(), changed, "tables of the tenant that changed while outsiders used the pages");
    }

    /**
     * Every page route (the controllers of {@code ui.web}) with its variables filled in. A variable this test does
     * not know fails it: describe what it names in {@link #fill}.
     */
    private List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        router.uriRoutes()
                .filter(r -> r.getTargetMethod().getDeclaringType().getPackageName()
                        .startsWith("org.carespec.platform.ui.web"))
                .filter(r -> r.getHttpMethod() == HttpMethod.GET || r.getHttpMethod() == HttpMethod.POST)
                .forEach(route -> {
                    String template = route.getUriMatchTemplate().toString();
                    String path = fill(template);
                    if (path == null) {
                        undescribed.add(route.getHttpMethod() + " " + template);
                    } else {
                        pages.add(new Page(route.getHttpMethod(), template, path));
                    }
                });
        assertEquals(List.of(), undescribed, "page routes whose path variables the matrix cannot fill");
        assertTrue(pages.size() > 40, "the router lists the pages: " + pages.size());
        return pages;
    }

    /** The template with each variable set to the case file's record it names; null for a variable unknown here. */
    private String fill(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String value = m.group(1).startsWith("?") ? "" : switch (m.group(1)) {
                case "contract" -> a.contract;
                case "type" -> "assessment";
                case "instrument" -> "star";
                case "id" -> before.endsWith("/persons/") ? a.file.carer
                        : before.endsWith("/referrals/") ? a.file.referral
                        : before.endsWith("/records/view/") ? a.file.formSubmission
                        : before.endsWith("/plans/") ? a.file.plan
                        : before.endsWith("/attendance/") ? a.file.groupSession
                        : null;
                default -> null;
            };
            if (value == null) {
                return null;
            }
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    /** What no outsider may see: the case file's ids, the person's name, and the notes' marker. */
    private Set<String> secrets() {
        Set<String> secrets = new HashSet<>(a.file.ids());
        secrets.add(a.declined);
        secrets.add(CaseFile.SECRET);
        secrets.add("Carys");
        return secrets;
    }

    private Browser signedIn(String email) {
        Browser browser = new Browser(server.getURI());
        int status = browser.signIn(email, PASSWORD).statusCode();
        assertEquals(303, status, "signing in as " + email);
        return browser;
    }
}
