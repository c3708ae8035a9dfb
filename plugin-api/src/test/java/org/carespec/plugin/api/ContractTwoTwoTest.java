package org.carespec.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.demo.DemoSession;
import org.junit.jupiter.api.Test;

/** What plugin-api 2.2 added: the plan's own review interval, and demo activities that name a worker and data. */
class ContractTwoTwoTest {

    @Test
    void aDeadlineTheAgreedPlanMayShortenReadsThePlansReviewMonths() {
        Deadline deadline = Deadline.months(6).variableAt("/planReviewMonths").orSoonerPerPlan();
        assertEquals(new Deadline.PerCase("plan", "/reviewMonths"), deadline.perCase());
        assertEquals(6, deadline.amount());
        assertEquals(DeadlineUnit.MONTHS, deadline.unit());
        assertEquals("/planReviewMonths", deadline.setting());
    }

    @Test
    void aDemoActivityNamesItsWorkerAndDataOnlyWhenGiven() {
        List<Object> sent = new ArrayList<>();
        DemoSession session = new DemoSession() {
            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 6, 1);
            }

            @Override
            public LocalDate contractStart() {
                return LocalDate.of(2026, 4, 1);
            }

            @Override
            public String contractId() {
                return "c1";
            }

            @Override
            public Map<String, Object> send(String method, String path, Object body) {
                sent.add(method + " " + path);
                sent.add(body);
                return Map.of();
            }
        };
        session.activity("p1", "r1", "BREAK", LocalDate.of(2026, 5, 5), 120, null, "w1",
                Map.of("breakType", "AT_HOME"));
        session.activity("p1", null, "PHONE", LocalDate.of(2026, 5, 6), 20, "SHELTER");
        assertEquals("POST /api/v1/contracts/c1/activities", sent.get(0));
        assertEquals(Map.of("workerId", "w1", "data", Map.of("breakType", "AT_HOME"), "personId", "p1",
                "referralId", "r1", "type", "BREAK", "occurredOn", "2026-05-05", "durationMinutes", 120), sent.get(1));
        assertEquals(Map.of("personId", "p1", "type", "PHONE", "occurredOn", "2026-05-06", "durationMinutes", 20,
                "agency", "SHELTER"), sent.get(3));
        assertThrows(UnsupportedOperationException.class, session::staffWorker,
                "a session the platform did not make has no worker");
    }
}
