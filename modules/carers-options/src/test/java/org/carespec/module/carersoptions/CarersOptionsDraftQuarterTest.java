package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.ReturnLines;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2026-27 Q1 return computed during its own quarter, on Wednesday 13 May 2026 (002 §4.11, §5.4): a clock not yet
 * due that day is neither met nor missed, and people wait "until yesterday", not until a quarter end still to come.
 *
 * <pre>
 * Missed   referred Tue 5 May, not contacted: first contact was due Fri 8 May (missed)
 * Met      referred Wed 6 May, contacted Thu 7 May (due Mon 11 May: met)
 * Pending  referred Mon 11 May, not contacted: due Thu 14 May, tomorrow (pending: not counted)
 * Waiting: all three, on 12 May: 7, 6 and 1 days
 * </pre>
 */
@MicronautTest(transactional = false)
class CarersOptionsDraftQuarterTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    JsonNode q1;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.clock.start", "2026-05-13T12:00:00Z");
    }

    @BeforeAll
    void halfAQuarter() {
        Api api = new Api(server);
        TestTenant tenant = TestTenant.create(api);
        Casework work = Casework.practitioner(api, tenant, CarersOptionsPlugin.ID, Map.of());
        refer(work, "Missed", "2026-05-05T10:00:00");
        String met = refer(work, "Met", "2026-05-06T10:00:00");
        work.event(met, "CONTACTED", "2026-05-07T10:00:00", Map.of()).expect(201);
        refer(work, "Pending", "2026-05-11T10:00:00");
        q1 = api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1",
                tenant.token(Role.PROVIDER_MANAGER)).expect(200).json();
    }

    private static String refer(Casework work, String name, String at) {
        String carer = work.person(name, "Carer", "1970-06-01", "HD1 2AB");
        String son = work.person(name + "'s", "Son", "1995-01-01", "HD1 2AB");
        work.api.post("/api/v1/persons/" + carer + "/relationships", work.token,
                Map.of("relatedPersonId", son, "kind", "CARER_OF")).expect(201);
        return work.refer(carer, at, "MENTAL_HEALTH_PROFESSIONAL", Map.of(
                "referrer", Map.of("name", "Dr Ada", "organisation", "CMHT"), "relationshipToCaredFor", "PARENT",
                "caredForSeriousMentalIllHealth", true, "caredForAssessedMentalHealthNeed", true,
                "significantCaring", true), List.of(son)).expect(201).id();
    }

    @Test
    void aClockNotYetDueIsNeitherMetNorMissed() {
        JsonNode contact = new ReturnLines(q1).line("CO19");
        assertEquals(1, contact.path("numerator").asInt(), contact.toString());
        assertEquals(2, contact.path("denominator").asInt(), "Missed and Met; Pending is due tomorrow");
    }

    @Test
    void peopleWaitUntilYesterdayWhileTheQuarterRuns() {
        assertEquals(3, new ReturnLines(q1).value("CO02"));
        assertEquals(7, new ReturnLines(q1).cells("CO03").get("measure/longest"), "5 May to 12 May");
        assertEquals(6, new ReturnLines(q1).value("CO03"), "the median of 7, 6 and 1");
    }
}
