/*
 * Soak and fault harness for issue 17: N signed-in practitioners doing mixed casework through the API and reading
 * pages for a while, every acknowledged write reconciled afterwards. Plain JDK 17, one file, no libraries:
 *
 *   java benchmarks/soak/Soak.java --url http://localhost:18081 --password <demo password> [options]
 *
 * benchmarks/soak.sh starts PostgreSQL and the platform and runs this in its three modes (soak, fault, twins); the
 * options are listed by --help. Each client signs in as a practitioner of the demo provider: by default an account of
 * its own (soak-practitioner-<i>@<tenant>.demo, made by the tenant administrator the first time; sign-ins of one
 * account in the same second were given the very same access token, which then shares one API rate limit), an API
 * token (POST /login) and a page session (GET / for the sign-in cookie and its CSRF token, POST /sign-in). The load
 * starts once every client is signed in. What each client then does, in a loop, with a pause of about --think-ms
 * between requests:
 *
 *   casework (API, bearer token from POST /login): create a person (Idempotency-Key), create a referral under the
 *   practitioner's contract (Idempotency-Key), read it, record CONTACTED (Idempotency-Key), record a phone call
 *   activity (Idempotency-Key), sometimes ASSESSED (Idempotency-Key), and reads: the open caseload list, the person,
 *   the referral's activities, people by name. A share of creates (--duplicate-share) is sent a second time with the
 *   same key and must return the same id.
 *   pages (--page-share of the steps, with the carespec_session cookie): the caseload and the page of one of the
 *   client's referrals.
 *
 * Every 2xx create is an acknowledged write: its id goes to acked.tsv. A create answered with anything else, or not
 * answered at all, is retried with the same Idempotency-Key until it is acknowledged (so an answer lost while the
 * write committed must return the first id, never a second row). After the load: every acknowledged id is read back
 * through the API (GET by id, 200; an event must be in its referral's events), the run's rows are counted through
 * the API (people by name, referrals by search: the run's names carry a tag), and, with --psql, the run's rows are
 * listed in the database and compared with the acknowledged ids as sets (missing = acknowledged but absent; extra =
 * present but never acknowledged, i.e. created twice or by a lost request never retried).
 *
 * Fault mode (--fault-stop and --fault-start, shell commands): at --fault-at seconds the database is stopped, and
 * started again --fault-down seconds later. Every answer to a request that overlapped [stop, start + --recovery
 * seconds] must be a 2xx or a 503 with application/problem+json (a page: a 503, as HTML or problem+json); a 500, any
 * other status, a connection refused or no answer within --timeout-seconds is a failure. After that window every
 * answer must be a 2xx again, from the same platform process.
 *
 * Twins (--url a,b): client i signs in (token and page cookie) on instance i mod 2, proves both work on the other
 * instance first, then sends each request to either instance at random.
 *
 * Exit status: 0 when every answer was acceptable and every acknowledged write is there exactly once; 1 otherwise;
 * 2 when the run could not start (bad options, sign-in refused, no contract).
 */

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Soak {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Pattern FIRST_ID = Pattern.compile("^\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern CSRF = Pattern.compile("name=\"csrfToken\"\\s+value=\"([^\"]+)\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CONTRACT = Pattern.compile(
            "\\{\"id\":\"([0-9a-fA-F-]{36})\",\"moduleId\":\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern STATUS_FIELD = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");
    static final String[] GIVEN = {"Amina", "Brian", "Carol", "Deepak", "Elaine", "Farhan", "Gillian", "Harjit",
        "Irene", "Jamal", "Kath", "Liam", "Maureen", "Nadeem", "Olive", "Pauline"};
    static final String[] POSTCODES = {"HD1 3QT", "HD2 2RD", "HD3 4NT", "HD4 6LJ", "HD5 9AX", "WF12 7NF"};

    // ------------------------------------------------------------------ options

    static final class Options {
        List<String> urls = List.of("http://localhost:8080");
        int clients = 100;
        int seconds = 300;
        int rampSeconds = 10;
        String user = "practitioner@kirklees.demo";
        String admin = null;
        int accounts = -1;
        String password = System.getenv("CARESPEC_DEMO_PASSWORD");
        String tenant = "kirklees";
        String module = null;
        double pageShare = 0.3;
        double duplicateShare = 0.05;
        int thinkMs = 250;
        int timeoutSeconds = 30;
        int retrySeconds = 120;
        Path out = Path.of("soak-out");
        String psql = null;
        String faultStop = null;
        String faultStart = null;
        int faultAt = 60;
        int faultDown = 15;
        int recoverySeconds = 30;
        String label = "soak";
        long seed = System.nanoTime();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage();
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    die("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--url" -> o.urls = Arrays.stream(v.split(",")).map(String::trim)
                            .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
                    case "--clients" -> o.clients = Integer.parseInt(v);
                    case "--seconds" -> o.seconds = Integer.parseInt(v);
                    case "--ramp-seconds" -> o.rampSeconds = Integer.parseInt(v);
                    case "--user" -> o.user = v;
                    case "--admin" -> o.admin = v;
                    case "--accounts" -> o.accounts = Integer.parseInt(v);
                    case "--password" -> o.password = v;
                    case "--tenant" -> o.tenant = v;
                    case "--module" -> o.module = v;
                    case "--page-share" -> o.pageShare = Double.parseDouble(v);
                    case "--duplicate-share" -> o.duplicateShare = Double.parseDouble(v);
                    case "--think-ms" -> o.thinkMs = Integer.parseInt(v);
                    case "--timeout-seconds" -> o.timeoutSeconds = Integer.parseInt(v);
                    case "--retry-seconds" -> o.retrySeconds = Integer.parseInt(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--psql" -> o.psql = v;
                    case "--fault-stop" -> o.faultStop = v;
                    case "--fault-start" -> o.faultStart = v;
                    case "--fault-at" -> o.faultAt = Integer.parseInt(v);
                    case "--fault-down" -> o.faultDown = Integer.parseInt(v);
                    case "--recovery-seconds" -> o.recoverySeconds = Integer.parseInt(v);
                    case "--label" -> o.label = v;
                    case "--seed" -> o.seed = Long.parseLong(v);
                    default -> die("unknown option " + a + " (--help lists them)");
                }
            }
            if (o.password == null || o.password.isBlank()) {
                die("give the demo password with --password or CARESPEC_DEMO_PASSWORD");
            }
            if (o.accounts < 0) {
                o.accounts = o.clients;
            }
            if (o.admin == null) {
                o.admin = "admin@" + o.tenant + ".demo";
            }
            if ((o.faultStop == null) != (o.faultStart == null)) {
                die("--fault-stop and --fault-start go together");
            }
            return o;
        }

        boolean fault() {
            return faultStop != null;
        }

        static void usage() {
            System.out.println("""
                java benchmarks/soak/Soak.java [options]
                  --url URL[,URL2]        platform base URL(s); two = twins (sign in on one, use on both)  [http://localhost:8080]
                  --clients N             client threads                                                 [100]
                  --seconds S             load duration                                                  [300]
                  --ramp-seconds S        clients start spread over this                                 [10]
                  --user EMAIL            practitioner account: finds the contract; its organisation gets the accounts below
                                                                                                         [practitioner@kirklees.demo]
                  --accounts N            practitioner accounts the clients sign in as, client i as i mod N (made
                                          by --admin when missing: soak-practitioner-<i>@<tenant>.demo); 0: all as --user
                                                                                                         [= --clients]
                  --admin EMAIL           the tenant administrator who makes them                         [admin@<tenant>.demo]
                  --password P            the password of all of them (or CARESPEC_DEMO_PASSWORD)
                  --tenant SLUG           its tenant                                                     [kirklees]
                  --module ID             use a contract of this module (default: the first listed)
                  --page-share F          share of steps that are page views                              [0.3]
                  --duplicate-share F     share of acknowledged creates sent again with the same key       [0.05]
                  --think-ms MS           mean pause between a client's requests (0 to 2x, uniform)        [250]
                  --timeout-seconds S     a request not answered in S seconds is a failure (a hang)        [30]
                  --retry-seconds S       how long after the end a failed create is still retried          [120]
                  --out DIR               results: summary.txt, acked.tsv, failures.tsv, timeline.tsv     [soak-out]
                  --psql "CMD"            psql command line (reads SQL on stdin) for the database check
                  --fault-stop "CMD"      shell command that stops PostgreSQL (fault mode)
                  --fault-start "CMD"     shell command that starts it again
                  --fault-at S            seconds into the load when it stops                              [60]
                  --fault-down S          seconds it stays down                                            [15]
                  --recovery-seconds S    after the start, how long 503s are still acceptable              [30]
                  --label NAME            name of the run in the summary                                   [soak]
                  --seed N                random seed""");
        }
    }

    static void die(String message) {
        System.err.println("soak: " + message);
        System.exit(2);
    }

    // ------------------------------------------------------------------ what was seen

    /** One request and its answer (status -1: no answer; error says why). Times are nanoTime. */
    record Answer(long start, long end, int client, String url, String kind, String route, int status,
                  String contentType, String error, String excerpt) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean problem503() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** An acknowledged write: what it made, its id, the key it was sent with, and how many tries it took. */
    record Acked(String type, String id, String parent, String key, int attempts, String firstFailure) {
    }

    static final ConcurrentLinkedQueue<Answer> ANSWERS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Acked> ACKED = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> PROBLEMS = new ConcurrentLinkedQueue<>();
    static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    static java.util.concurrent.CountDownLatch SIGNED_IN;
    static final java.util.concurrent.CountDownLatch START = new java.util.concurrent.CountDownLatch(1);
    static volatile long DEADLINE = Long.MAX_VALUE;
    static List<String> accountList = List.of();
    static final AtomicInteger SHARED_TOKENS = new AtomicInteger();
    static final AtomicInteger DUPLICATES_SENT = new AtomicInteger();
    static final AtomicInteger DUPLICATES_ANSWERED = new AtomicInteger();
    static final AtomicInteger DUPLICATES_SAME = new AtomicInteger();
    static final AtomicInteger CROSS_CHECKS = new AtomicInteger();
    static final AtomicInteger GAVE_UP = new AtomicInteger();
    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong NON_2XX = new AtomicLong();
    static volatile long t0;
    static volatile long stopBegin = Long.MAX_VALUE;
    static volatile long stopEnd = Long.MAX_VALUE;
    static volatile long startBegin = Long.MAX_VALUE;
    static volatile long startEnd = Long.MAX_VALUE;

    static Options opt;
    static HttpClient http;
    static String tag;
    static String contractId;

    // ------------------------------------------------------------------ HTTP

    record Resp(int status, String contentType, String body, HttpHeaders headers, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static Resp send(int client, String base, String kind, String route, String method, String path,
                     Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(opt.timeoutSeconds))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        long start = System.nanoTime();
        Resp r;
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            r = new Resp(res.statusCode(), res.headers().firstValue("content-type").orElse(""), res.body(),
                    res.headers(), null);
        } catch (HttpConnectTimeoutException e) {
            r = new Resp(-1, null, null, null, "connect-timeout");
        } catch (HttpTimeoutException e) {
            r = new Resp(-1, null, null, null, "timeout (no answer in " + opt.timeoutSeconds + " s)");
        } catch (ConnectException e) {
            r = new Resp(-1, null, null, null, "connection refused");
        } catch (IOException e) {
            r = new Resp(-1, null, null, null, "io: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = new Resp(-1, null, null, null, "interrupted");
        }
        long end = System.nanoTime();
        REQUESTS.incrementAndGet();
        boolean expectedRedirect = kind.equals("sign-in") && r.status == 303;
        if (!r.ok() && !expectedRedirect && !kind.equals("setup")) {
            NON_2XX.incrementAndGet();
        }
        String excerpt = r.ok() || expectedRedirect || r.body == null ? null
                : r.body.substring(0, Math.min(300, r.body.length())).replace('\n', ' ').replace('\t', ' ');
        if (r.status == 303) {
            excerpt = "Location: " + r.headers.firstValue("location").orElse("?");
        }
        ANSWERS.add(new Answer(start, end, client, base, kind, route, expectedRedirect ? 200 : r.status,
                r.contentType, r.error, excerpt));
        return r;
    }

    static Map<String, String> json(String token, String key) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("Content-Type", "application/json");
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        if (key != null) {
            h.put("Idempotency-Key", key);
        }
        return h;
    }

    static String group(Pattern p, String s) {
        if (s == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static String cookie(HttpHeaders headers, String name) {
        if (headers == null) {
            return null;
        }
        for (String c : headers.allValues("set-cookie")) {
            if (c.startsWith(name + "=")) {
                String v = c.substring(name.length() + 1);
                int semi = v.indexOf(';');
                v = semi < 0 ? v : v.substring(0, semi);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double secondsSince(long nanos) {
        return (nanos - t0) / 1e9;
    }

    // ------------------------------------------------------------------ a client

    static final class Client implements Runnable {
        final int n;
        final String home;
        final Random rnd;
        final String account;
        String token;
        long tokenAt;
        String session;
        int people;
        final List<String> referrals = new ArrayList<>();

        Client(int n, String account) {
            this.n = n;
            this.account = account;
            this.home = opt.urls.get(Math.floorMod(n, opt.urls.size()));
            this.rnd = new Random(opt.seed * 31 + n);
        }

        /** Where a request goes: the one instance, or either of two at random. */
        String url() {
            return opt.urls.size() == 1 ? home : opt.urls.get(rnd.nextInt(opt.urls.size()));
        }

        String other() {
            return opt.urls.get(Math.floorMod(n + 1, opt.urls.size()));
        }

        void think() {
            if (opt.thinkMs > 0) {
                sleep(rnd.nextInt(2 * opt.thinkMs + 1));
            }
        }

        boolean apiSignIn() {
            for (int attempt = 0; attempt < 30; attempt++) {
                Resp r = send(n, home, "sign-in", "POST /login", "POST", "/login", json(null, null),
                        "{\"username\":" + q(account) + ",\"password\":" + q(opt.password) + ",\"tenant\":"
                                + q(opt.tenant) + "}");
                token = r.ok() ? group(ACCESS_TOKEN, r.body) : null;
                if (token != null && !TOKENS.add(token)) {
                    // the platform gave this sign-in the token of another one (same account, same second: the token
                    // has no jti); the API's rate limit counts by token, so sign in again for a token of one's own
                    SHARED_TOKENS.incrementAndGet();
                    token = null;
                    sleep(1000 + rnd.nextInt(1000));
                    continue;
                }
                if (token != null) {
                    tokenAt = System.nanoTime();
                    return true;
                }
                sleep(1000);
            }
            return false;
        }

        boolean pageSignIn() {
            for (int attempt = 0; attempt < 30; attempt++) {
                Resp page = send(n, home, "sign-in", "GET /", "GET", "/", Map.of("Accept", "text/html"), null);
                String signin = cookie(page.headers, "carespec_signin");
                String csrf = group(CSRF, page.body);
                if (page.ok() && signin != null && csrf != null) {
                    Resp r = send(n, home, "sign-in", "POST /sign-in", "POST", "/sign-in", Map.of(
                            "Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded",
                            "Cookie", "carespec_signin=" + signin), form(Map.of("csrfToken", csrf,
                            "email", account, "password", opt.password)));
                    session = r.status == 303 ? cookie(r.headers, "carespec_session") : null;
                    if (session != null) {
                        return true;
                    }
                }
                sleep(1000);
            }
            return false;
        }

        @Override
        public void run() {
            boolean signedIn = apiSignIn() && pageSignIn();
            SIGNED_IN.countDown();
            if (!signedIn) {
                PROBLEMS.add("client " + n + " could not sign in as " + account + " on " + home);
                return;
            }
            try {
                START.await();
            } catch (InterruptedException e) {
                return;
            }
            long deadline = DEADLINE;
            if (opt.urls.size() > 1) {
                // the token and the page cookie of one instance, used on the other
                Resp me = send(n, other(), "api-read", "GET /api/v1/me (other instance)", "GET", "/api/v1/me",
                        json(token, null), null);
                Resp caseload = page(other(), "/caseload", "GET /caseload (other instance)");
                if (me.ok() && caseload.ok()) {
                    CROSS_CHECKS.incrementAndGet();
                } else {
                    PROBLEMS.add("client " + n + ": signed in on " + home + ", refused on " + other() + ": /api/v1/me "
                            + me.status + ", /caseload " + caseload.status);
                }
            }
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(10)) {
                    apiSignIn(); // access tokens last 15 minutes
                }
                if (!referrals.isEmpty() && rnd.nextDouble() < opt.pageShare) {
                    pages();
                } else {
                    casework();
                }
            }
        }

        Resp page(String base, String path, String route) {
            Resp r = send(n, base, "page", route, "GET", path, Map.of("Accept", "text/html",
                    "Cookie", "carespec_session=" + session), null);
            if (r.ok() && (r.body == null || !r.body.contains("<title>") || r.body.contains("name=\"password\""))) {
                PROBLEMS.add("page " + path + " answered 200 but is not the signed-in page");
            }
            return r;
        }

        void pages() {
            page(url(), "/caseload", "GET /caseload");
            think();
            String id = referrals.get(rnd.nextInt(referrals.size()));
            page(url(), "/referrals/" + id, "GET /referrals/{id} (page)");
            think();
        }

        void casework() {
            int k = people++;
            String family = tag + "-c" + n + "-" + k;
            String given = GIVEN[rnd.nextInt(GIVEN.length)];
            String person = create("person", null, "POST /api/v1/persons", "/api/v1/persons",
                    "{\"givenName\":" + q(given) + ",\"familyName\":" + q(family) + ",\"dateOfBirth\":"
                            + q(String.format("%d-%02d-%02d", 1950 + rnd.nextInt(50), 1 + rnd.nextInt(12),
                            1 + rnd.nextInt(28))) + ",\"postcode\":" + q(POSTCODES[rnd.nextInt(POSTCODES.length)])
                            + ",\"equality\":{\"sex\":" + q(rnd.nextBoolean() ? "FEMALE" : "MALE") + "}}",
                    FIRST_ID);
            if (person == null) {
                return;
            }
            think();
            String received = LocalDateTime.now(LONDON).minusMinutes(30 + rnd.nextInt(600))
                    .withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            String referral = create("referral", null, "POST /api/v1/contracts/{id}/referrals",
                    "/api/v1/contracts/" + contractId + "/referrals",
                    "{\"personId\":" + q(person) + ",\"receivedAt\":" + q(received)
                            + ",\"source\":\"MENTAL_HEALTH_PROFESSIONAL\",\"data\":{\"referrer\":{\"name\":\"Soak "
                            + "referrer " + n + "\",\"organisation\":\"Soak CMHT\"},\"relationshipToCaredFor\":"
                            + q(rnd.nextBoolean() ? "PARENT" : "SIBLING") + ",\"caredForSeriousMentalIllHealth\":true,"
                            + "\"caredForAssessedMentalHealthNeed\":true,\"significantCaring\":true,"
                            + "\"caringAtRiskOfBreakdown\":" + (rnd.nextInt(8) == 0) + "}}", FIRST_ID);
            if (referral == null) {
                return;
            }
            referrals.add(referral);
            if (referrals.size() > 20) {
                referrals.remove(0);
            }
            think();
            send(n, url(), "api-read", "GET /api/v1/referrals/{id}", "GET", "/api/v1/referrals/" + referral,
                    json(token, null), null);
            think();
            if (create("event", referral, "POST /api/v1/referrals/{id}/events", "/api/v1/referrals/" + referral
                    + "/events", "{\"type\":\"CONTACTED\"}", eventOf("CONTACTED")) == null) {
                return;
            }
            think();
            String today = LocalDateTime.now(LONDON).toLocalDate().toString();
            if (create("activity", null, "POST /api/v1/contracts/{id}/activities",
                    "/api/v1/contracts/" + contractId + "/activities",
                    "{\"personId\":" + q(person) + ",\"referralId\":" + q(referral) + ",\"type\":\"PHONE\","
                            + "\"occurredOn\":" + q(today) + ",\"durationMinutes\":" + (5 + rnd.nextInt(40))
                            + ",\"notes\":\"Soak call " + k + "\"}", FIRST_ID) == null) {
                return;
            }
            think();
            if (rnd.nextBoolean()) {
                if (create("event", referral, "POST /api/v1/referrals/{id}/events", "/api/v1/referrals/" + referral
                        + "/events", "{\"type\":\"ASSESSED\"}", eventOf("ASSESSED")) == null) {
                    return;
                }
                think();
            }
            send(n, url(), "api-read", "GET /api/v1/referrals?open=true", "GET",
                    "/api/v1/referrals?open=true&size=20", json(token, null), null);
            think();
            send(n, url(), "api-read", "GET /api/v1/persons/{id}", "GET", "/api/v1/persons/" + person,
                    json(token, null), null);
            think();
            send(n, url(), "api-read", "GET /api/v1/activities?referralId=", "GET",
                    "/api/v1/activities?referralId=" + referral, json(token, null), null);
            think();
            send(n, url(), "api-read", "GET /api/v1/persons?name=", "GET",
                    "/api/v1/persons?size=10&name=" + URLEncoder.encode(family, StandardCharsets.UTF_8),
                    json(token, null), null);
            think();
        }

        /**
         * Sends a create with an Idempotency-Key until it is acknowledged (2xx): a create that is refused outright
         * (400, 404, 409, 422) is not retried. Returns the new id, or null.
         */
        String create(String type, String parent, String route, String path, String body, Pattern id) {
            String key = tag + "-" + n + "-" + UUID.randomUUID();
            long giveUp = DEADLINE + TimeUnit.SECONDS.toNanos(opt.retrySeconds);
            String firstFailure = null;
            for (int attempt = 1; ; attempt++) {
                Resp r = send(n, url(), "api-write", route, "POST", path, json(token, key), body);
                String made = r.ok() ? group(id, r.body) : null;
                if (made != null) {
                    ACKED.add(new Acked(type, made, parent, key, attempt, firstFailure));
                    if (rnd.nextDouble() < opt.duplicateShare) {
                        DUPLICATES_SENT.incrementAndGet();
                        Resp again = send(n, url(), "api-write", route + " (same key again)", "POST", path,
                                json(token, key), body);
                        String second = again.ok() ? group(id, again.body) : null;
                        if (again.ok()) {
                            DUPLICATES_ANSWERED.incrementAndGet();
                        }
                        if (made.equals(second)) {
                            DUPLICATES_SAME.incrementAndGet();
                        } else if (again.ok()) {
                            PROBLEMS.add("the same Idempotency-Key " + key + " made " + made + " then " + second);
                        }
                    }
                    return made;
                }
                if (r.ok()) {
                    PROBLEMS.add(route + " answered " + r.status + " without an id: " + r.body);
                    return null;
                }
                if (firstFailure == null) {
                    firstFailure = r.status == -1 ? r.error : Integer.toString(r.status);
                }
                if (r.status == 400 || r.status == 404 || r.status == 409 || r.status == 422 || r.status == 403) {
                    return null; // refused: a failure already recorded with its answer; nothing to retry
                }
                if (r.status == 401) {
                    apiSignIn();
                }
                if (System.nanoTime() > giveUp) {
                    GAVE_UP.incrementAndGet();
                    PROBLEMS.add("gave up on " + route + " key " + key + " after " + attempt + " tries (first: "
                            + firstFailure + ")");
                    return null;
                }
                sleep(Math.min(5000, 500L * attempt));
            }
        }

        Pattern eventOf(String type) {
            return Pattern.compile("\\{\"id\":\"([0-9a-fA-F-]{36})\",\"type\":\"" + type + "\"");
        }
    }

    // ------------------------------------------------------------------ the run

    public static void main(String[] args) throws Exception {
        opt = Options.parse(args);
        Files.createDirectories(opt.out);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                })).build();
        tag = "Soak" + DateTimeFormatter.ofPattern("yyMMddHHmmss").format(LocalDateTime.now());
        t0 = System.nanoTime();
        Instant began = Instant.now();
        log("run %s: %d clients, %d s, %s, tag %s, results in %s", opt.label, opt.clients, opt.seconds,
                String.join(" + ", opt.urls), tag, opt.out);

        Client probe = new Client(-1, opt.user);
        if (!probe.apiSignIn()) {
            die("cannot sign in as " + opt.user + " on " + opt.urls.get(0));
        }
        Resp contracts = send(-1, opt.urls.get(0), "api-read", "GET /api/v1/contracts", "GET",
                "/api/v1/contracts?size=200", json(probe.token, null), null);
        Matcher m = CONTRACT.matcher(contracts.body == null ? "" : contracts.body);
        while (m.find()) {
            if (opt.module == null || opt.module.equals(m.group(2))) {
                contractId = m.group(1);
                break;
            }
        }
        if (contractId == null) {
            die("no contract" + (opt.module == null ? "" : " of " + opt.module) + " for " + opt.user + ": "
                    + contracts.status);
        }
        log("contract %s", contractId);
        accountList = accounts(probe);

        // sign-in: every client signs in (API token, page session), then the load starts for all at once
        SIGNED_IN = new java.util.concurrent.CountDownLatch(opt.clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < opt.clients; i++) {
            Client c = new Client(i, accountList.get(i % accountList.size()));
            Thread t = new Thread(c, "client-" + i);
            threads.add(t);
        }
        long signInStart = System.nanoTime();
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).start();
            sleep(opt.clients <= 1 ? 0 : (long) opt.rampSeconds * 1000 / opt.clients);
        }
        SIGNED_IN.await();
        long loadStart = System.nanoTime();
        SIGN_IN_SECONDS = (loadStart - signInStart) / 1e9;
        log("%d clients signed in (as %d accounts) in %.1f s; load for %d s", opt.clients, accountList.size(),
                SIGN_IN_SECONDS, opt.seconds);
        DEADLINE = loadStart + TimeUnit.SECONDS.toNanos(opt.seconds);
        START.countDown();
        AtomicBoolean done = new AtomicBoolean();
        Thread fault = opt.fault() ? new Thread(() -> fault(loadStart), "fault") : null;
        Thread progress = new Thread(() -> progress(done), "progress");
        progress.setDaemon(true);
        progress.start();
        if (fault != null) {
            fault.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (fault != null) {
            fault.join();
        }
        done.set(true);
        long loadEnd = System.nanoTime();
        log("load over after %.1f s: %d requests; reconciling", (loadEnd - loadStart) / 1e9, REQUESTS.get());

        List<Answer> load = new ArrayList<>(ANSWERS);
        List<String> report = new ArrayList<>();
        boolean failed = summarise(load, loadStart, loadEnd, began, report);
        failed |= reconcile(probe, report);
        report.add("");
        report.add("RESULT: " + (failed ? "FAIL" : "PASS"));
        Files.write(opt.out.resolve("summary.txt"), report);
        report.forEach(System.out::println);
        System.exit(failed ? 1 : 0);
    }

    static volatile double SIGN_IN_SECONDS;

    /**
     * The accounts the clients sign in as: --user alone, or --accounts practitioners of --user's organisation, made
     * by the tenant administrator when missing (a 409 says one is there already).
     */
    static List<String> accounts(Client probe) throws InterruptedException {
        if (opt.accounts == 0) {
            return List.of(opt.user);
        }
        Resp me = send(-1, opt.urls.get(0), "setup", "GET /api/v1/me", "GET", "/api/v1/me", json(probe.token, null),
                null);
        String organisation = group(Pattern.compile("\"organisationId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\""), me.body);
        Client admin = new Client(-1, opt.admin);
        if (organisation == null || !admin.apiSignIn()) {
            die("cannot find " + opt.user + "'s organisation, or sign in as " + opt.admin);
        }
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < opt.accounts; i++) {
            emails.add("soak-practitioner-" + i + "@" + opt.tenant + ".demo");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger made = new AtomicInteger();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        for (String email : emails) {
            pool.submit(() -> {
                Resp r = patiently(() -> send(-1, opt.urls.get(0), "setup", "POST /api/v1/users", "POST",
                        "/api/v1/users", json(admin.token, null), "{\"email\":" + q(email) + ",\"displayName\":"
                                + q("Soak " + email.substring(0, email.indexOf('@'))) + ",\"password\":"
                                + q(opt.password) + ",\"organisationId\":" + q(organisation)
                                + ",\"roles\":[\"PRACTITIONER\"]}"));
                if (r.ok()) {
                    made.incrementAndGet();
                } else if (r.status != 409) {
                    refused.add(email + ": " + r.status + " " + r.body);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (!refused.isEmpty()) {
            die("could not make the practitioner accounts: " + refused.peek());
        }
        log("%d practitioner accounts (%d made now)", emails.size(), made.get());
        return emails;
    }

    static void log(String format, Object... args) {
        System.out.printf("[%6.1f s] %s%n", t0 == 0 ? 0 : secondsSince(System.nanoTime()),
                String.format(Locale.ROOT, format, args));
    }

    static void progress(AtomicBoolean done) {
        long lastN = 0;
        while (!done.get()) {
            sleep(10_000);
            long n = REQUESTS.get();
            log("%d requests (%.0f/s), %d not 2xx, %d writes acknowledged", n, (n - lastN) / 10.0, NON_2XX.get(),
                    ACKED.size());
            lastN = n;
        }
    }

    static void fault(long loadStart) {
        sleep(TimeUnit.SECONDS.toMillis(opt.faultAt) - (System.nanoTime() - loadStart) / 1_000_000);
        stopBegin = System.nanoTime();
        log("fault: stopping PostgreSQL");
        int rc = shell(opt.faultStop);
        stopEnd = System.nanoTime();
        log("fault: stopped (exit %d, %.1f s); down for %d s", rc, (stopEnd - stopBegin) / 1e9, opt.faultDown);
        sleep(TimeUnit.SECONDS.toMillis(opt.faultDown));
        startBegin = System.nanoTime();
        rc = shell(opt.faultStart);
        startEnd = System.nanoTime();
        log("fault: PostgreSQL started again (exit %d, %.1f s)", rc, (startEnd - startBegin) / 1e9);
    }

    static int shell(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            PROBLEMS.add("could not run " + command + ": " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ------------------------------------------------------------------ the answers

    static String outcome(Answer a) {
        if (a.status == -1) {
            return a.error;
        }
        if (a.ok()) {
            return "2xx";
        }
        String type = a.contentType == null || a.contentType.isEmpty() ? "no type" : a.contentType.split(";")[0];
        return a.status + " " + type;
    }

    /** Why an answer is not acceptable, or null when it is. */
    static String unacceptable(Answer a) {
        if (a.ok() || a.kind.equals("setup")) {
            return null; // setup: making the accounts (409: there already); a refusal there stops the run
        }
        if (opt.fault() && a.end >= stopBegin && a.start <= startEnd + TimeUnit.SECONDS.toNanos(opt.recoverySeconds)) {
            if (a.problem503()) {
                return null;
            }
            if (a.kind.equals("page") && a.status == 503) {
                return null; // a page's 503 is the error page in the service's frame (or problem+json)
            }
            if (a.kind.equals("sign-in") && a.status == 503) {
                return null;
            }
            return "during the outage: " + outcome(a);
        }
        return outcome(a);
    }

    static boolean summarise(List<Answer> answers, long loadStart, long loadEnd, Instant began, List<String> r)
            throws IOException {
        boolean failed = false;
        r.add("== " + opt.label + ": " + opt.clients + " clients, " + opt.seconds + " s, think " + opt.thinkMs
                + " ms, page share " + opt.pageShare + ", " + String.join(" + ", opt.urls));
        r.add("started " + began + ", tag " + tag + ", contract " + contractId);
        double seconds = (loadEnd - loadStart) / 1e9;
        long load = answers.stream().filter(a -> a.start >= loadStart && !a.kind.equals("sign-in")).count();
        r.add(String.format(Locale.ROOT, "sign-in: %d clients as %d accounts, each an API token and a page session,"
                + " in %.1f s (before the load)", opt.clients, accountList.size(), SIGN_IN_SECONDS));
        r.add(String.format(Locale.ROOT, "load: %d requests in %.1f s (%.1f/s); %d answers in all, sign-in and"
                + " setup included", load, seconds, load / seconds, answers.size()));

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, List<Long>> latency = new TreeMap<>();
        Map<String, Integer> perUrl = new TreeMap<>();
        List<Answer> bad = new ArrayList<>();
        for (Answer a : answers) {
            outcomes.merge(a.kind + "  " + outcome(a), 1, Integer::sum);
            latency.computeIfAbsent(a.kind, k -> new ArrayList<>()).add(a.end - a.start);
            if (a.ok()) {
                latency.computeIfAbsent(a.route, k -> new ArrayList<>()).add(a.end - a.start);
            }
            perUrl.merge(a.url, 1, Integer::sum);
            if (unacceptable(a) != null) {
                bad.add(a);
            }
        }
        r.add("answers by kind and outcome:");
        outcomes.forEach((k, v) -> r.add(String.format(Locale.ROOT, "  %-55s %8d", k, v)));
        if (perUrl.size() > 1) {
            r.add("answers by instance: " + perUrl);
        }
        r.add("latency, ms (all answers by kind; 2xx answers by route):");
        r.add(String.format(Locale.ROOT, "  %-60s %7s %8s %8s %8s %8s %8s", "", "n", "p50", "p90", "p95", "p99",
                "max"));
        latency.forEach((k, v) -> {
            Collections.sort(v);
            r.add(String.format(Locale.ROOT, "  %-60s %7d %8.1f %8.1f %8.1f %8.1f %8.1f", k, v.size(), pct(v, 50),
                    pct(v, 90), pct(v, 95), pct(v, 99), v.get(v.size() - 1) / 1e6));
        });

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(opt.out.resolve("failures.tsv")))) {
            w.println("t_start_s\tt_end_s\tclient\turl\tkind\troute\toutcome\twhy\texcerpt");
            for (Answer a : bad) {
                w.printf(Locale.ROOT, "%.3f\t%.3f\t%d\t%s\t%s\t%s\t%s\t%s\t%s%n", secondsSince(a.start),
                        secondsSince(a.end), a.client, a.url, a.kind, a.route, outcome(a), unacceptable(a),
                        a.excerpt == null ? "" : a.excerpt);
            }
        }
        timeline(answers);

        if (opt.fault()) {
            failed |= faultReport(answers, r);
        }
        r.add("unacceptable answers: " + bad.size() + (bad.isEmpty() ? "" : "  (failures.tsv)"));
        Map<String, Integer> badKinds = new TreeMap<>();
        Map<String, String> badExample = new LinkedHashMap<>();
        for (Answer a : bad) {
            String k = a.route + "  " + unacceptable(a);
            badKinds.merge(k, 1, Integer::sum);
            badExample.putIfAbsent(k, a.excerpt);
        }
        badKinds.forEach((k, v) -> r.add(String.format(Locale.ROOT, "  %6d  %s%n          e.g. %s", v, k,
                badExample.get(k))));
        failed |= !bad.isEmpty();
        return failed;
    }

    static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    static void timeline(List<Answer> answers) throws IOException {
        TreeMap<Long, int[]> bySecond = new TreeMap<>();
        for (Answer a : answers) {
            int[] c = bySecond.computeIfAbsent((long) Math.floor(secondsSince(a.end)), k -> new int[6]);
            c[a.ok() ? 0 : a.problem503() ? 1 : a.status == 503 ? 2 : a.status >= 500 ? 3 : a.status == -1 ? 5 : 4]++;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(opt.out.resolve("timeline.tsv")))) {
            w.println("second\t2xx\t503_problem\t503_other\t5xx_other\t4xx_3xx\tno_answer");
            bySecond.forEach((s, c) -> w.printf("%d\t%d\t%d\t%d\t%d\t%d\t%d%n", s, c[0], c[1], c[2], c[3], c[4], c[5]));
        }
    }

    static boolean faultReport(List<Answer> answers, List<String> r) {
        boolean failed = false;
        if (startEnd == Long.MAX_VALUE) {
            r.add("fault: the database was never restarted (the load ended first?)");
            return true;
        }
        long windowEnd = startEnd + TimeUnit.SECONDS.toNanos(opt.recoverySeconds);
        r.add(String.format(Locale.ROOT, "fault: stop began %.1f s, stopped %.1f s, start began %.1f s, up %.1f s;"
                        + " 503 accepted until %.1f s", secondsSince(stopBegin), secondsSince(stopEnd),
                secondsSince(startBegin), secondsSince(startEnd), secondsSince(windowEnd)));
        Map<String, Integer> during = new TreeMap<>();
        long lastNot2xx = 0;
        long first2xxAfter = Long.MAX_VALUE;
        int inDown = 0;
        for (Answer a : answers) {
            if (a.end >= stopBegin && a.start <= windowEnd) {
                during.merge(a.kind + "  " + outcome(a), 1, Integer::sum);
            }
            if (a.start >= stopEnd && a.start <= startBegin) {
                inDown++;
            }
            if (!a.ok() && a.end >= stopBegin) {
                lastNot2xx = Math.max(lastNot2xx, a.end);
            }
            if (a.ok() && a.start >= startEnd && !a.kind.equals("sign-in")) {
                first2xxAfter = Math.min(first2xxAfter, a.end);
            }
        }
        r.add("fault: answers to requests overlapping the outage window, by kind and outcome:");
        during.forEach((k, v) -> r.add(String.format(Locale.ROOT, "  %-55s %8d", k, v)));
        r.add(String.format(Locale.ROOT, "fault: %d requests were sent while the database was down", inDown));
        if (inDown == 0) {
            r.add("fault: FAIL - no request was sent while the database was down, so the outage was not tested");
            failed = true;
        }
        if (first2xxAfter == Long.MAX_VALUE) {
            r.add("fault: FAIL - no 2xx answer after the database came back: the platform did not recover");
            failed = true;
        } else {
            r.add(String.format(Locale.ROOT, "fault: first 2xx %.1f s after the database was up; last non-2xx at"
                    + " %.1f s (%.1f s after it was up)", (first2xxAfter - startEnd) / 1e9, secondsSince(lastNot2xx),
                    (lastNot2xx - startEnd) / 1e9));
        }
        List<Acked> retried = ACKED.stream().filter(a -> a.attempts() > 1).toList();
        Map<String, Integer> firsts = new TreeMap<>();
        retried.forEach(a -> firsts.merge(a.type() + " first answered: " + a.firstFailure(), 1, Integer::sum));
        r.add("fault: creates acknowledged only after a retry with the same Idempotency-Key: " + retried.size());
        firsts.forEach((k, v) -> r.add(String.format(Locale.ROOT, "  %-55s %8d", k, v)));
        return failed;
    }

    // ------------------------------------------------------------------ reconciliation

    static boolean reconcile(Client probe, List<String> r) throws Exception {
        boolean failed = false;
        List<Acked> acked = new ArrayList<>(ACKED);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(opt.out.resolve("acked.tsv")))) {
            w.println("type\tid\tparent\tidempotency_key\tattempts\tfirst_failure");
            for (Acked a : acked) {
                w.printf("%s\t%s\t%s\t%s\t%d\t%s%n", a.type(), a.id(), a.parent() == null ? "" : a.parent(), a.key(),
                        a.attempts(), a.firstFailure() == null ? "" : a.firstFailure());
            }
        }
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Acked a : acked) {
            ids.computeIfAbsent(a.type(), k -> new HashSet<>()).add(a.id());
        }
        r.add("");
        r.add("acknowledged writes (acked.tsv): " + acked.size() + " " + counts(ids));
        r.add(String.format(Locale.ROOT, "acknowledged creates sent again with the same Idempotency-Key: %d, answered"
                + " 2xx: %d, with the same id: %d", DUPLICATES_SENT.get(), DUPLICATES_ANSWERED.get(),
                DUPLICATES_SAME.get()));
        if (DUPLICATES_SAME.get() != DUPLICATES_ANSWERED.get()) {
            r.add("FAIL: a create sent again with its key answered with another id");
            failed = true;
        }
        if (SHARED_TOKENS.get() > 0) {
            r.add("NOTE: " + SHARED_TOKENS.get() + " sign-ins were given an access token already given to another"
                    + " client (same account, same second; the token has no jti); those clients signed in again");
        }
        for (String type : ids.keySet()) {
            long sent = acked.stream().filter(a -> a.type().equals(type)).count();
            if (sent != ids.get(type).size()) {
                r.add("FAIL: " + type + ": " + sent + " acknowledgements but " + ids.get(type).size()
                        + " distinct ids (two keys answered with one id)");
                failed = true;
            }
        }
        if (opt.urls.size() > 1) {
            r.add("twins: clients whose token and page cookie worked on the other instance: " + CROSS_CHECKS.get()
                    + " of " + opt.clients);
            failed |= CROSS_CHECKS.get() != opt.clients;
        }

        // 1. every acknowledged id, read back through the API, by 8 readers with a token each (each token has its
        // own rate limit; a 429 is waited out and asked again)
        probe.apiSignIn();
        int readers = 8;
        List<Client> tokens = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Client reader = new Client(-2 - i, accountList.get(i % accountList.size()));
            if (!reader.apiSignIn()) {
                r.add("FAIL: a reader could not sign in for the read-back");
                return true;
            }
            tokens.add(reader);
        }
        ThreadLocal<Client> mine = ThreadLocal.withInitial(() -> tokens.get((int) (Thread.currentThread().getId()
                % readers)));
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        AtomicInteger readable = new AtomicInteger();
        ConcurrentLinkedQueue<String> unreadable = new ConcurrentLinkedQueue<>();
        Map<String, String> eventsByReferral = new ConcurrentHashMap<>();
        AtomicInteger k = new AtomicInteger();
        for (Acked a : acked) {
            pool.submit(() -> {
                String base = opt.urls.get(k.incrementAndGet() % opt.urls.size());
                String path = switch (a.type()) {
                    case "person" -> "/api/v1/persons/" + a.id();
                    case "referral" -> "/api/v1/referrals/" + a.id();
                    case "activity" -> "/api/v1/activities/" + a.id();
                    default -> "/api/v1/referrals/" + a.parent();
                };
                String body = a.type().equals("event") ? eventsByReferral.get(a.parent()) : null;
                int status = 200;
                if (body == null) {
                    Resp res = patiently(() -> send(-2, base, "reconcile", "GET by id (" + a.type() + ")", "GET",
                            path, json(mine.get().token, null), null));
                    status = res.status;
                    body = res.body;
                    if (res.ok() && a.type().equals("event")) {
                        eventsByReferral.put(a.parent(), body);
                    }
                }
                if (status == 200 && body != null && body.contains("\"id\":\"" + a.id() + "\"")) {
                    readable.incrementAndGet();
                } else {
                    unreadable.add(a.type() + " " + a.id() + " -> " + status);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        r.add("read back by id through the API (GET by id: 200 with that id; an event: in its referral's events): "
                + readable.get() + " of " + acked.size()
                + (unreadable.isEmpty() ? "" : "; NOT readable: " + unreadable.size() + " e.g. " + unreadable.peek()));
        failed |= !unreadable.isEmpty();

        // 2. counts through the API's list totals (the run's names carry the tag)
        long people = total(probe, "/api/v1/persons?size=1&name=" + tag);
        long referrals = total(probe, "/api/v1/referrals?size=1&search=" + tag);
        int ackedPeople = ids.getOrDefault("person", Set.of()).size();
        int ackedReferrals = ids.getOrDefault("referral", Set.of()).size();
        r.add(String.format(Locale.ROOT, "API totals for the tag: people %d (acknowledged %d), referrals %d"
                + " (acknowledged %d)", people, ackedPeople, referrals, ackedReferrals));
        if (people != ackedPeople || referrals != ackedReferrals) {
            r.add("FAIL: the API's totals differ from the acknowledged writes");
            failed = true;
        }

        // 3. the database: the run's rows, as sets of ids, against the acknowledged ids
        if (opt.psql != null) {
            String person = "join person p on p.tenant_id = %s.tenant_id and p.id = %s.person_id where p.family_name"
                    + " like '" + tag + "-%%'";
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("person", "select id from person where family_name like '" + tag + "-%'");
            queries.put("referral", "select r.id from referral r " + String.format(person, "r", "r"));
            queries.put("event", "select e.id from referral_event e join referral r on r.tenant_id = e.tenant_id"
                    + " and r.id = e.referral_id " + String.format(person, "r", "r"));
            queries.put("activity", "select a.id from activity a " + String.format(person, "a", "a"));
            for (Map.Entry<String, String> q : queries.entrySet()) {
                List<String> rows = psql(q.getValue());
                if (rows == null) {
                    r.add("FAIL: the database query for " + q.getKey() + " did not run");
                    failed = true;
                    continue;
                }
                Set<String> db = new HashSet<>(rows);
                Set<String> want = ids.getOrDefault(q.getKey(), Set.of());
                Set<String> missing = new HashSet<>(want);
                missing.removeAll(db);
                Set<String> extra = new HashSet<>(db);
                extra.removeAll(want);
                r.add(String.format(Locale.ROOT, "database %-9s rows %6d, acknowledged %6d, missing %d, extra %d%s",
                        q.getKey(), rows.size(), want.size(), missing.size(), extra.size(),
                        missing.isEmpty() && extra.isEmpty() ? "" : "  e.g. " + (missing.isEmpty() ? "" : "missing "
                                + missing.iterator().next() + " ") + (extra.isEmpty() ? "" : "extra "
                                + extra.iterator().next())));
                failed |= !missing.isEmpty() || !extra.isEmpty() || rows.size() != db.size();
            }
            List<String> keys = psql("select count(*) || ' keys, ' || count(distinct resource_id) || ' resources, '"
                    + " || count(*) filter (where resource_id is null) || ' without a resource' from idempotency_key"
                    + " where key like '" + tag + "-%'");
            r.add("database idempotency keys of the run (an event's key names its referral): "
                    + (keys == null || keys.isEmpty() ? "?" : keys.get(0)));
        } else {
            r.add("database check skipped (no --psql)");
        }
        if (GAVE_UP.get() > 0) {
            r.add("FAIL: " + GAVE_UP.get() + " creates were never acknowledged after " + opt.retrySeconds
                    + " s of retries");
            failed = true;
        }
        if (!PROBLEMS.isEmpty()) {
            r.add("problems (" + PROBLEMS.size() + "):");
            PROBLEMS.stream().limit(20).forEach(p -> r.add("  " + p));
            failed = true;
        }
        return failed;
    }

    static String counts(Map<String, Set<String>> ids) {
        Map<String, Integer> c = new TreeMap<>();
        ids.forEach((k, v) -> c.put(k, v.size()));
        return c.toString();
    }

    /** Asks again after a 429, as long as Retry-After says (20 times at most). */
    static Resp patiently(java.util.function.Supplier<Resp> request) {
        Resp res = request.get();
        for (int i = 0; i < 20 && res.status == 429; i++) {
            sleep(1000L * Long.parseLong(res.headers.firstValue("retry-after").orElse("1")));
            res = request.get();
        }
        return res;
    }

    static long total(Client probe, String path) {
        Resp res = patiently(() -> send(-2, opt.urls.get(0), "reconcile", "GET list total", "GET", path,
                json(probe.token, null), null));
        String t = res.ok() ? group(TOTAL, res.body) : null;
        return t == null ? -1 : Long.parseLong(t);
    }

    /** Runs one query through --psql (SQL on stdin, unaligned tuples only) and returns its lines. */
    static List<String> psql(String sql) {
        try {
            List<String> command = new ArrayList<>(Arrays.asList(opt.psql.trim().split("\\s+")));
            command.addAll(List.of("-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((sql + ";\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                return null;
            }
            return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
