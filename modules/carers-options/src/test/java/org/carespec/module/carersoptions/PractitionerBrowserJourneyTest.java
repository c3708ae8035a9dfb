package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.LogWatch;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A practitioner's day in a real browser (Debian's Chromium, driven by Playwright), against the real platform and
 * PostgreSQL: sign in, the caseload, a new referral through the module's form, its verdict and clocks, and the steps
 * that move them, as two tenants and two providers. Every page passes axe-core's WCAG 2.2 AA rules, and each main page
 * leaves a screenshot in {@code target/screenshots}.
 */
@MicronautTest(transactional = false)
class PractitionerBrowserJourneyTest extends IntegrationTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @Inject
    EmbeddedServer server;

    Playwright playwright;
    Browser chromium;
    TestTenant tenant;
    TestTenant otherTenant;
    Casework work;
    String carer;

    /** Issue 17's canaries for the pages: what the journeys type must appear in no log line. */
    static final String NOTE = "We could not reach the person cared for to confirm the caring role (journey note"
            + " 5c1e).";
    LogWatch log;

    @BeforeAll
    void aBrowserAndACarer() throws Exception {
        log = LogWatch.start();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
        Api api = new Api(server);
        tenant = TestTenant.create(api);
        otherTenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, CarersOptionsPlugin.ID, Map.of());
        carer = work.person("Lena", "Browsertest", "1965-02-02", "HD1 2AB");
        String son = work.person("Milo", "Browsertest", "1993-03-03", "HD1 2AB");
        api.post("/api/v1/persons/" + carer + "/relationships", work.token, Map.of("relatedPersonId", son,
                "kind", "CARER_OF")).expect(201);
        Casework.practitioner(api, otherTenant, CarersOptionsPlugin.ID, Map.of());
        work.staffWorker();
    }

    @AfterAll
    void closeTheBrowserAndReadTheLog() {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        log.close();
        assertTrue(log.lines().size() > 5, "the log was watched: " + log.lines().size() + " lines");
        assertEquals(List.of(), log.holding(List.of("journey note 5c1e", PASSWORD, "Browsertest", "Dr Nia Ode")),
                "what a practitioner typed, in the log");
    }

    @Test
    void aReferralFromAMentalHealthProfessionalThroughContactAndAFirstVisit() {
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURI() + "/");
            accessible(page, "sign-in");
            page.fill("#email", tenant.email(Role.PRACTITIONER));
            page.fill("#password", PASSWORD);
            page.click("button:has-text('Sign in')");
            assertTrue(page.url().endsWith("/caseload"), page.url());
            accessible(page, "caseload");

            page.click("a.govuk-service-navigation__link:has-text('New referral')");
            page.fill("#q", "Browsertest");
            page.click("button:has-text('Find the person')");
            accessible(page, "new-referral-person");
            page.check("label:has-text('Lena Browsertest')");
            page.click("button:has-text('Continue')");
            page.check("label:has-text('Mental health professional')");
            page.click("button:has-text('Continue')");
            accessible(page, "new-referral-form");
            page.fill("[id='data.referrer.name']", "Dr Nia Ode");
            page.fill("[id='data.referrer.organisation']", "Dewsbury CMHT");
            page.check("label:has-text('Parent')");
            for (String question : List.of("caredForSeriousMentalIllHealth", "caredForAssessedMentalHealthNeed",
                    "significantCaring")) {
                page.check("[name='data." + question + "'][value='true']");
            }
            page.click("button:has-text('Make the referral')");
            assertTrue(page.url().contains("/referrals/"), page.url());
            String referral = page.textContent("main");
            assertTrue(referral.contains("Referral of Lena Browsertest"), referral);
            assertTrue(referral.contains("Eligible"), referral);
            assertTrue(referral.contains("First contact within 3 working days"), referral);
            accessible(page, "referral");

            page.click("button:has-text('Record first contact')");
            assertTrue(page.textContent("main").contains("Recorded: Contacted"));
            page.click("button:has-text('Record the first visit')");
            String after = page.textContent("main");
            assertTrue(after.contains("Recorded: First visit"), after);
            assertEquals(2, page.locator("td strong.govuk-tag--green").count(), "both response clocks met");
            accessible(page, "referral-after-steps");

            // accepted, a plan agreed, and a break given by a named worker (002 §3.3, §4.12, §4.17)
            page.click("button:has-text('Accept the referral')");
            page.click("a:has-text('Agree a plan')");
            accessible(page, "plan");
            page.fill("#goal-0", "A regular break each week");
            page.fill("#reviewMonths", "3");
            page.click("button:has-text('Agree the plan')");
            assertTrue(page.textContent("main").contains("Recorded: Plan agreed"), page.textContent("main"));
            page.click("a:has-text('Review the plan')");
            page.check("label:has-text('Some progress')");
            accessible(page, "plan-review");
            page.click("button:has-text('Record the review')");
            assertTrue(page.textContent("main").contains("Recorded: Reviewed"), page.textContent("main"));
            page.click("a:has-text('Record an activity or break')");
            page.check("label:has-text('Break')");
            page.fill("#durationMinutes", "180");
            page.click("button:has-text('Record it')");
            String refused = page.textContent("main");
            assertTrue(refused.contains("There is a problem"), refused);
            accessible(page, "activity-error");
            page.selectOption("#workerId", new com.microsoft.playwright.options.SelectOption().setLabel(
                    "Sam Staff (Staff)"));
            page.selectOption("#breakType", "AWAY_FROM_HOME");
            assertEquals("180", page.inputValue("#durationMinutes"), "what was entered is kept");
            page.click("button:has-text('Record it')");
            assertTrue(page.textContent("main").contains("Recorded: Break"), page.textContent("main"));
            String referralPage = page.url().replaceAll("\\?.*", "");

            // two Carers Star readings (§4.3, §6.2): the distance travelled as a chart and, the same figures, a table
            page.click("a:has-text('Outcome readings')");
            for (String[] reading : List.of(new String[] {"1", "4"}, new String[] {"28", "7"})) {
                page.click("a:has-text('Record a reading')");
                page.fill("#takenOn-day", reading[0]);
                page.fill("#takenOn-month", "11");
                page.fill("#takenOn-year", "2026");
                for (String scale : List.of("health", "caring-role", "managing-at-home", "time-for-yourself",
                        "how-you-feel", "finances", "work")) {
                    page.check("[name='score-" + scale + "'][value='" + reading[1] + "']");
                }
                if (reading[0].equals("1")) {
                    accessible(page, "outcome-reading");
                }
                page.click("button:has-text('Record the reading')");
            }
            assertTrue(page.textContent("main").contains("+3"), page.textContent("main"));
            assertEquals(7, page.locator("svg.carespec-chart rect").count(), "a bar per scale");
            accessible(page, "outcomes");

            // a group session with its attendance
            page.click("a.govuk-service-navigation__link:has-text('Group session')");
            page.check("label:has-text('Carer support group')");
            page.fill("#title", "Tuesday carers");
            page.fill("#place", "Dewsbury library");
            page.check("label:has-text('Lena Browsertest')");
            page.fill("#headcount-0-category", "Carers not on the caseload");
            page.fill("#headcount-0-count", "2");
            accessible(page, "group-session");
            page.click("button:has-text('Record the session')");
            assertTrue(page.textContent("main").contains("Group session recorded with 3 attending"),
                    page.textContent("main"));
            // the module's own record types, from their schemas (§4.12 the holistic assessment)
            page.click("a.govuk-service-navigation__link:has-text('Records')");
            page.click("a:has-text('Holistic assessment')");
            page.click("a:has-text('Add a record')");
            accessible(page, "record-form");
            page.navigate(referralPage);
            page.click("a:has-text('details and timeline')");
            String person = page.textContent("main");
            assertTrue(person.contains("Carer of Milo Browsertest") && person.contains("Break"), person);
            accessible(page, "person");
            page.click("a:has-text('Change the details')");
            accessible(page, "person-edit");
            page.goBack();
            page.click("a:has-text('Change the equality monitoring answers')");
            accessible(page, "person-equality");
            page.check("#sex-2"); // the third answer: prefer not to say
            page.selectOption("#ethnicity", "H");
            page.click("button:has-text('Save the changes')");
            assertTrue(page.textContent("main").contains("Not stated"), page.textContent("main"));
            page.navigate(server.getURI() + "/no-such-page");
            assertTrue(page.textContent("main").contains("Page not found"), page.textContent("main"));
            accessible(page, "not-found");
            // the caseload's search, in place with htmx (scripts from this site only, under the pages' CSP)
            page.navigate(server.getURI() + "/caseload");
            page.fill("#search", "Browsertest");
            page.press("#search", "Enter");
            page.waitForURL(url -> url.contains("search=Browsertest"));
            assertTrue(page.textContent("#caseload-results").contains("Browsertest"),
                    page.textContent("#caseload-results"));
            accessible(page, "caseload-search");
            page.navigate(referralPage);
            page.click("a:has-text('details and timeline')");
            page.click("a:has-text('Raise a safeguarding concern')");
            accessible(page, "safeguarding");
            page.navigate(referralPage);

            String address = page.url().replaceAll("\\?.*", "");
            // the same address opens nothing for another provider's practitioner or another tenant's
            for (String email : List.of("practitioner2@" + tenant.slug + ".test", otherTenant.email(Role.PRACTITIONER))) {
                try (BrowserContext other = chromium.newContext()) {
                    Page theirs = other.newPage();
                    theirs.navigate(server.getURI() + "/");
                    theirs.fill("#email", email);
                    theirs.fill("#password", PASSWORD);
                    theirs.click("button:has-text('Sign in')");
                    assertFalse(theirs.textContent("main").contains("Browsertest"), email + "'s caseload");
                    theirs.navigate(address);
                    assertTrue(theirs.textContent("main").contains("Page not found"), email);
                    assertFalse(theirs.textContent("main").contains("Browsertest"), email);
                }
            }
        }
    }

    @Test
    void declineWithTheWrittenReasonAndReadTheLetter() {
        String out = work.refer(carer, "2026-11-23T10:00:00", "MENTAL_HEALTH_PROFESSIONAL", Map.of(
                "referrer", Map.of("name", "Dr Pia Ross", "organisation", "Batley CMHT"),
                "relationshipToCaredFor", "FRIEND", "caredForSeriousMentalIllHealth", true,
                "caredForAssessedMentalHealthNeed", true, "significantCaring", true), List.of()).expect(201).id();
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURI() + "/");
            page.fill("#email", tenant.email(Role.PRACTITIONER));
            page.fill("#password", PASSWORD);
            page.click("button:has-text('Sign in')");
            page.navigate(server.getURI() + "/referrals/" + out);
            page.click("a:has-text('Decline the referral')");
            page.check("[name='reason'][value='OTHER']");
            page.click("button:has-text('Decline and write the letter')");
            assertTrue(page.textContent("main").contains("Enter the written reason"), page.textContent("main"));
            accessible(page, "decline-error");
            page.fill("#note", NOTE);
            page.click("button:has-text('Decline and write the letter')");
            String letter = page.textContent("main");
            assertTrue(letter.contains("Dear Dr Pia Ross,") && letter.contains("could not reach"), letter);
            accessible(page, "decline-letter");
        }
    }

    @Test
    void thePagesWorkWithJavaScriptOff() {
        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(server.getURI() + "/");
            page.fill("#email", tenant.email(Role.PRACTITIONER));
            page.fill("#password", PASSWORD);
            page.click("button:has-text('Sign in')");
            assertTrue(page.url().endsWith("/caseload"), page.url());
            page.click("a.govuk-service-navigation__link:has-text('New referral')");
            page.fill("#q", "Browsertest");
            page.click("button:has-text('Find the person')");
            page.check("label:has-text('Lena Browsertest')");
            page.click("button:has-text('Continue')");
            page.check("label:has-text('Self-referral')");
            page.click("button:has-text('Continue')");
            page.click("button:has-text('Make the referral')");
            String main = page.textContent("main");
            assertTrue(main.contains("There is a problem"), "server-side validation without script: " + main);
        }
    }

    @Test
    void theMainJourneyStartsFromTheKeyboard() {
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURI() + "/");
            page.keyboard().press("Tab");
            assertEquals("Skip to main content", page.evaluate("document.activeElement.textContent").toString()
                    .trim(), "the first Tab reaches the skip link");
            page.focus("#email");
            page.keyboard().type(tenant.email(Role.PRACTITIONER));
            page.keyboard().press("Tab");
            page.keyboard().type(PASSWORD);
            page.keyboard().press("Enter");
            page.waitForURL("**/caseload");
            assertTrue(page.textContent("h1").contains("My caseload"));
        }
    }

    /** No axe-core violation of WCAG 2.2 A or AA, and a screenshot of the page. */
    private void accessible(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), name + ": " + violations.stream().map(v -> v.getId() + " ("
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))
                + ")").collect(Collectors.joining("; ")));
    }
}
