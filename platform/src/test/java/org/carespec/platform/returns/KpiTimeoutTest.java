package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.service.KpiRunner;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A KPI query that runs past its time is stopped by PostgreSQL and reported as such (a 503 for the return). */
@MicronautTest(transactional = false)
class KpiTimeoutTest extends IntegrationTest {

    @Inject
    KpiRunner runner;

    @Inject
    CallerContext callers;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.reporting.query-timeout", "300ms");
    }

    @Test
    void aQueryPastItsTimeIsCancelledAndSaysSoWhileTheOthersOfTheSessionAnswer() {
        Caller system = Caller.system("timeout-test").inTenant(UUID.randomUUID());
        FinancialPeriod q1 = FinancialPeriod.parse("2026-27-Q1");
        KpiRunner.KpiQueryException slow = assertThrows(KpiRunner.KpiQueryException.class, () -> callers.callAs(
                system, () -> runner.runAll(UUID.randomUUID(), q1, List.of("select 1 as value",
                        "select 1 as value from pg_sleep(2)"))));
        assertTrue(slow.timedOut(), slow.getMessage());
        assertEquals(1, slow.query());
        assertEquals(7, callers.callAs(system, () -> runner.run(UUID.randomUUID(), q1, "select 7 as value"))
                .get(0).value().intValue(), "the pool's connections are usable after a cancelled query");
    }
}
