package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.service.KpiRunner;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A draft return computed live from the case record through the reporting views, for the fixture module's KPIs
 * (see FixturePlugin): FX1 referrals by source, FX3 first contact on time as a percentage, FX4 an annual count.
 */
@MicronautTest(transactional = false)
class ReturnApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Inject
    KpiRunner runner;

    @Inject
    CallerContext callers;

    Api api;
    TestTenant t;
    Casework work;
    String secondContract;

    @BeforeAll
    void aQuarterOfWork() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
        String a = work.person("Ann", "One", "1970-01-01", null);
        String b = work.person("Bob", "Two", "1971-01-01", null);
        // Q1 2026-27. First contact due 3 working days after receipt.
        String onTime = work.refer(a, "2026-04-14T10:00:00", "GP", null, null).expect(201).id();
        work.event(onTime, "CONTACTED", "2026-04-15T10:00:00", null).expect(201);
        String late = work.refer(b, "2026-05-05T10:00:00", "SELF", null, null).expect(201).id();
        work.event(late, "CONTACTED", "2026-05-12T10:00:00", null).expect(201);
        work.refer(a, "2026-06-01T10:00:00", "GP", null, null).expect(201);
        // Q2, and another contract of the same provider in Q1: neither belongs in this contract's Q1 return.
        work.refer(b, "2026-07-10T10:00:00", "GP", null, null).expect(201);
        secondContract = t.contract("fixture", Map.of());
        new Casework(api, t, secondContract, work.token).refer(a, "2026-04-20T10:00:00", "GP", null, null).expect(201);
    }

    @Test
    void aDraftQuarterlyReturnIsComputedFromTheCaseRecord() {
        JsonNode r = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1",
                t.token(Role.PROVIDER_MANAGER)).expect(200).json();
        assertEquals("2026-27-Q1", r.path("period").asText());
        assertEquals("DRAFT", r.path("status").asText());
        assertEquals("2026-04-01", r.path("periodStart").asText());
        assertEquals("2026-06-30", r.path("periodEnd").asText());
        assertEquals("2026-07-14", r.path("dueDate").asText(), "10 working days after Tuesday 30 June 2026");
        JsonNode fx1 = line(r, "FX1");
        assertEquals(3, fx1.path("value").asInt());
        assertEquals("fixture §1", fx1.path("source").asText());
        assertEquals(Map.of("GP", 2, "SELF", 1), cells(fx1));
        JsonNode fx3 = line(r, "FX3");
        assertEquals("PERCENTAGE", fx3.path("unit").asText());
        assertEquals(1, fx3.path("numerator").asInt());
        assertEquals(3, fx3.path("denominator").asInt());
        assertEquals(0, new BigDecimal("33.3").compareTo(fx3.path("value").decimalValue()));
        assertTrue(r.path("lines").findValues("code").stream().noneMatch(c -> c.asText().equals("FX4")),
                "annual KPIs are not in a quarter's return");
        assertEquals("FX2", r.path("narratives").get(0).path("code").asText());
        JsonNode q2 = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q2",
                t.token(Role.PROVIDER_MANAGER)).expect(200).json();
        assertEquals(1, line(q2, "FX1").path("value").asInt());
    }

    @Test
    void anAnnualReturnHoldsTheAnnualFigures() {
        JsonNode year = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27",
                t.token(Role.COMMISSIONER)).expect(200).json();
        assertEquals(2, line(year, "FX4").path("value").asInt(), "two people in the year");
        assertEquals(1, year.path("lines").size());
    }

    @Test
    void onlyTheContractsProviderManagerCommissionerAndAdministratorMayReadIt() {
        String path = "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1";
        for (Role role : List.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)) {
            assertEquals(200, api.get(path, t.token(role)).status(), role.name());
        }
        for (Role role : List.of(Role.PRACTITIONER, Role.VOLUNTEER, Role.OPERATOR)) {
            assertEquals(403, api.get(path, t.token(role)).status(), role.name());
        }
        assertEquals(404, api.get(path, t.otherProviderManager).status());
        TestTenant other = TestTenant.create(api);
        for (Role role : List.of(Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN)) {
            ApiResponse r = api.get(path, other.token(role));
            assertEquals(404, r.status(), role.name());
            assertFalse(r.body().contains("FX1"));
        }
    }

    @Test
    void aPeriodThatDoesNotExistNamesTheField() {
        for (String bad : List.of("2026-28-Q1", "2026-27-Q5", "Q1", "2026")) {
            ApiResponse r = api.get("/api/v1/contracts/" + work.contract + "/returns/" + bad,
                    t.token(Role.PROVIDER_MANAGER));
            assertEquals(400, r.status(), bad);
            assertEquals(List.of("period"), r.problemFields(), bad);
        }
    }

    @Test
    void aKpiQueryReadsTheReportingViewsOfItsOwnContractAndNothingElse() {
        Caller system = Caller.system("kpi-test").inTenant(UUID.fromString(t.id));
        FinancialPeriod q1 = FinancialPeriod.parse("2026-27-Q1");
        String count = "select count(*) as value from reporting.referral"
                + " where received_on >= :period_start and received_on < :period_end";
        assertEquals(3, callers.callAs(system, () -> runner.run(UUID.fromString(work.contract), q1, count))
                .get(0).value().intValue());
        assertEquals(1, callers.callAs(system, () -> runner.run(UUID.fromString(secondContract), q1, count))
                .get(0).value().intValue());
        for (String escape : List.of("select count(*) as value from public.referral",
                "select count(*) as value from person", "select count(*) as value from audit_event",
                "select count(*) as value from user_account")) {
            Exception e = assertThrows(Exception.class,
                    () -> callers.callAs(system, () -> runner.run(UUID.fromString(work.contract), q1, escape)));
            assertTrue(rootMessage(e).contains("permission denied"), escape + ": " + rootMessage(e));
        }
        // A KPI query is run as the inside of a subquery, so it can only be one SELECT: no write; and a second
        // statement (even one that closes the subquery's parenthesis first) is refused before it reaches PostgreSQL.
        Exception write = assertThrows(Exception.class, () -> callers.callAs(system, () -> runner.run(
                UUID.fromString(work.contract), q1, "delete from reporting.referral returning 1 as value")));
        assertTrue(rootMessage(write).contains("syntax error"), rootMessage(write));
        for (String twice : List.of("select 1 as value; create temporary table leak as select 1",
                "select 1 as value) kpi; commit; select pg_sleep(100); select * from (select 1 as value")) {
            Exception refused = assertThrows(Exception.class, () -> callers.callAs(system, () -> runner.run(
                    UUID.fromString(work.contract), q1, twice)));
            assertTrue(rootMessage(refused).contains("one statement"), rootMessage(refused));
        }
        assertEquals(3, callers.callAs(system, () -> runner.run(UUID.fromString(work.contract), q1, count))
                .get(0).value().intValue(), "nothing was deleted");
        // A query that moves the session to another tenant sees nothing at all, not that tenant's rows.
        TestTenant victim = TestTenant.create(api);
        String hop = "select count(*) as value from (select set_config('app.tenant_id', '" + victim.id + "', true)) x,"
                + " reporting.referral r";
        assertEquals(0, callers.callAs(system, () -> runner.run(UUID.fromString(work.contract), q1, hop))
                .get(0).value().intValue());
        // reporting.person holds the people of the contract's provider, none of another provider's.
        String own = api.post("/api/v1/persons", t.token(Role.PRACTITIONER), Map.of("givenName", "Own",
                "familyName", "Carer")).expect(201).id();
        String others = api.post("/api/v1/persons", t.otherProviderPractitioner, Map.of("givenName", "Other",
                "familyName", "Carer")).expect(201).id();
        for (Map.Entry<String, Integer> expected : Map.of(own, 1, others, 0).entrySet()) {
            assertEquals(expected.getValue().intValue(), callers.callAs(system, () -> runner.run(
                    UUID.fromString(work.contract), q1, "select count(*) as value from reporting.person where id = '"
                            + expected.getKey() + "'")).get(0).value().intValue());
        }
        Caller otherTenant = Caller.system("kpi-test").inTenant(UUID.fromString(TestTenant.create(api).id));
        assertEquals(0, callers.callAs(otherTenant, () -> runner.run(UUID.fromString(work.contract), q1, count))
                .get(0).value().intValue(), "another tenant's session sees none of this contract's rows");
    }

    @Test
    void aKpiQueryCannotLeaveTheReportingLoginForgeItsScopeOrLeaveAnythingForTheNextSession() {
        Caller system = Caller.system("kpi-test").inTenant(UUID.fromString(t.id));
        UUID contract = UUID.fromString(work.contract);
        FinancialPeriod q1 = FinancialPeriod.parse("2026-27-Q1");
        // Back to the login role: that is the reporting role itself, which still reads no table.
        Exception back = assertThrows(Exception.class, () -> callers.callAs(system, () -> runner.run(contract, q1,
                "select count(*) as value from (select set_config('role', session_user, true)) x, public.referral")));
        assertTrue(rootMessage(back).contains("permission denied"), rootMessage(back));
        // Up to the application role: the reporting login is no member of it.
        String application = TestDatabase.get().application().user();
        Exception up = assertThrows(Exception.class, () -> callers.callAs(system, () -> runner.run(contract, q1,
                "select count(*) as value from (select set_config('role', '" + application + "', true)) x")));
        assertTrue(rootMessage(up).contains("permission denied to set role"), rootMessage(up));
        // A scope written by the query, forged or with its tenant changed, shows no row at all.
        TestTenant victim = TestTenant.create(api);
        String own = callers.callAs(system, () -> runner.run(contract, q1,
                "select 1 as value, 'scope' as dimension, current_setting('carespec.kpi_scope') as category"))
                .get(0).category();
        assertEquals(t.id, own.split("\\|")[0]);
        String retargeted = own.replace(t.id, victim.id);
        String forged = victim.id + "|" + contract + "|9999999999|" + "0".repeat(64);
        for (String scope : List.of(retargeted, forged)) {
            assertEquals(0, callers.callAs(system, () -> runner.run(contract, q1,
                    "select count(*) as value from (select set_config('carespec.kpi_scope', '" + scope + "', true)"
                            + ", set_config('app.tenant_id', '" + victim.id + "', true)) x, reporting.referral r"))
                    .get(0).value().intValue(), scope);
        }
        // The same pooled connection serves the next session with nothing of the last one: a rollback undoes its
        // settings and temporary tables, and DISCARD ALL what a rollback leaves, such as a session advisory lock.
        int pid = callers.callAs(system, () -> runner.run(contract, q1, "select pg_backend_pid() as value"))
                .get(0).value().intValue();
        callers.callAs(system, () -> runner.run(contract, q1, "select count(*) as value from (select"
                + " pg_advisory_lock(424242), set_config('app.carry', 'yes', false)) x"));
        // One query per session, so each runs on this thread's pooled connection (the pool hands a thread back the
        // connection it last returned; the pid proves it).
        KpiRunner.Row next = callers.callAs(system, () -> runner.run(contract, q1, "select count(*) as value,"
                + " 'pid' as dimension, pg_backend_pid()::text as category from pg_locks"
                + " where locktype = 'advisory' and pid = pg_backend_pid()")).get(0);
        assertEquals(String.valueOf(pid), next.category(), "the test needs the same pooled connection");
        assertEquals(0, next.value().intValue(), "a session lock outlived its KPI session");
        assertEquals("", callers.callAs(system, () -> runner.run(contract, q1, "select 1 as value, 'carry' as"
                + " dimension, coalesce(current_setting('app.carry', true), '') as category")).get(0).category(),
                "a session setting outlived its KPI session");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()) + " / " + e.getMessage();
    }

    private static JsonNode line(JsonNode r, String code) {
        for (JsonNode line : r.path("lines")) {
            if (line.path("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code + " in " + r);
    }

    private static Map<String, Integer> cells(JsonNode line) {
        Map<String, Integer> cells = new java.util.TreeMap<>();
        for (JsonNode cell : line.path("breakdown")) {
            assertEquals("source", cell.path("dimension").asText());
            cells.put(cell.path("category").asText(), cell.path("value").asInt());
        }
        return cells;
    }
}
