package org.carespec.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's working days are its own nation's: clocks and return due dates in Scotland and Northern Ireland skip
 * their own public holidays, which England and Wales work through. Dates counted by hand below.
 */
@MicronautTest(transactional = false)
class NationCalendarTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    Casework england;
    Casework scotland;
    Casework northernIreland;

    /** A day after St Patrick's Day 2027, so that a referral may be received on the days counted below. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("carespec.clock.start", "2027-04-02T10:00:00Z");
    }

    @BeforeAll
    void threeTenantsOneInEachNation() {
        api = new Api(server);
        england = Casework.practitioner(api, TestTenant.create(api, "ENGLAND_AND_WALES"), "fixture", Map.of());
        scotland = Casework.practitioner(api, TestTenant.create(api, "SCOTLAND"), "fixture", Map.of());
        northernIreland = Casework.practitioner(api, TestTenant.create(api, "NORTHERN_IRELAND"), "fixture", Map.of());
    }

    @Test
    void aTenantSaysWhichNationItIsIn() {
        assertEquals("SCOTLAND", api.get("/api/v1/tenant-settings", scotland.tenant.token(Role.TENANT_ADMIN))
                .expect(200).text("/nation"));
        assertEquals("ENGLAND_AND_WALES", api.get("/api/v1/tenant-settings",
                TestTenant.create(api).token(Role.TENANT_ADMIN)).expect(200).text("/nation"), "the default");
    }

    @Test
    void contactWithinThreeWorkingDaysSkipsStAndrewsDayInScotlandOnly() {
        // Received Thursday 26 November 2026. England and Wales: Fri 27, Mon 30, Tue 1 December.
        // Scotland: Fri 27, (Mon 30 November is St Andrew's Day), Tue 1, Wed 2 December.
        assertEquals("2026-12-01", firstContactDue(england, "2026-11-26T10:00:00"));
        assertEquals("2026-12-02", firstContactDue(scotland, "2026-11-26T10:00:00"));
        assertEquals("2026-12-01", firstContactDue(northernIreland, "2026-11-26T10:00:00"));
    }

    @Test
    void contactWithinThreeWorkingDaysSkipsStPatricksDayInNorthernIrelandOnly() {
        // Received Monday 15 March 2027. England and Wales: Tue 16, Wed 17, Thu 18.
        // Northern Ireland: Tue 16, (Wed 17 March is St Patrick's Day), Thu 18, Fri 19.
        assertEquals("2027-03-18", firstContactDue(england, "2027-03-15T10:00:00"));
        assertEquals("2027-03-19", firstContactDue(northernIreland, "2027-03-15T10:00:00"));
        assertEquals("2027-03-18", firstContactDue(scotland, "2027-03-15T10:00:00"));
    }

    @Test
    void theReturnForOctoberToDecemberIsDueLaterInScotlandFor2January() {
        // 10 working days after Thursday 31 December 2026. England and Wales: Friday 1 January is New Year's Day;
        // Mon 4 ... Fri 8, Mon 11 ... Fri 15 January. Scotland: 2 January is a Saturday, so its substitute Monday
        // 4 January is a holiday too; Tue 5 ... Fri 8, Mon 11 ... Mon 18 January.
        assertEquals("2027-01-15", returnDue(england));
        assertEquals("2027-01-18", returnDue(scotland));
        assertEquals("2027-01-15", returnDue(northernIreland));
    }

    private static String firstContactDue(Casework work, String receivedAt) {
        String person = work.person("Nia", "Nation", "1970-01-01", null);
        return Casework.clock(work.refer(person, receivedAt, "GP", null, null).expect(201).json(), "first-contact")
                .path("dueDate").asText();
    }

    private String returnDue(Casework work) {
        return api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q3",
                work.tenant.token(Role.PROVIDER_MANAGER)).expect(200).text("/dueDate");
    }
}
