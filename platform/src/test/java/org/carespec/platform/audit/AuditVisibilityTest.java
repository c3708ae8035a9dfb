package org.carespec.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.audit.domain.AuditVisibility;
import org.carespec.platform.audit.service.AuditEventView;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.Test;

/** Who sees the values of an audit event, and the field names everyone who reads it sees. */
class AuditVisibilityTest {

    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    @Test
    void aProvidersManagerSeesItsOwnStaffsEventsInFullAndNoOneElses() {
        Set<Role> manager = Set.of(Role.PROVIDER_MANAGER);
        assertTrue(AuditVisibility.showsValues(manager, PROVIDER, "person", PROVIDER));
        assertFalse(AuditVisibility.showsValues(manager, PROVIDER, "person", OTHER));
        assertFalse(AuditVisibility.showsValues(manager, PROVIDER, "person", null));
        assertFalse(AuditVisibility.showsValues(manager, null, "person", null), "a manager with no organisation");
        assertFalse(AuditVisibility.showsValues(Set.of(Role.PRACTITIONER), PROVIDER, "person", PROVIDER),
                "a practitioner is not a manager");
    }

    @Test
    void anAdministratorSeesTheValuesOfWhatAdministratorsKeepOnly() {
        Set<Role> admin = Set.of(Role.TENANT_ADMIN);
        for (String kept : List.of("contract", "user_account", "organisation", "audit_event")) {
            assertTrue(AuditVisibility.showsValues(admin, null, kept, PROVIDER), kept);
        }
        for (String caseRecord : List.of("person", "referral", "activity", "fixture.fixture_note")) {
            assertFalse(AuditVisibility.showsValues(admin, null, caseRecord, PROVIDER), caseRecord);
        }
        assertFalse(AuditVisibility.showsValues(Set.of(Role.COMMISSIONER), null, "contract", null));
    }

    @Test
    void theChangedFieldsAreWhatAnInsertWroteAnUpdateChangedOrADeleteRemoved() {
        assertEquals(List.of("a", "b"), AuditEventView.changed(null, Map.of("b", 1, "a", 2)));
        assertEquals(List.of("a"), AuditEventView.changed(Map.of("a", 1), null));
        assertEquals(List.of("b", "c"), AuditEventView.changed(Map.of("a", 1, "b", 2, "c", 3),
                Map.of("a", 1, "b", 5)));
        assertEquals(List.of(), AuditEventView.changed(null, null));
    }
}
