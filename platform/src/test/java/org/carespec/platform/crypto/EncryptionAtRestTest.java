package org.carespec.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Free-text notes, safeguarding details, communication needs, feedback and the fields a module marks sensitive are
 * stored encrypted: the API gives them back, while every raw row of every table (audit trail included), read as the
 * database owner, holds no trace of them.
 */
@MicronautTest(transactional = false)
class EncryptionAtRestTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    CaseFile file;

    @BeforeAll
    void aCaseFileFullOfSecrets() {
        api = new Api(server);
        file = CaseFile.record(api, TestTenant.create(api));
    }

    @Test
    void theApiGivesTheSensitiveTextBack() {
        String practitioner = file.tenant.token(Role.PRACTITIONER);
        String manager = file.tenant.token(Role.PROVIDER_MANAGER);
        List<String> readable = List.of(
                api.get("/api/v1/persons/" + file.carer, practitioner).text("/communicationNeeds"),
                api.get("/api/v1/referrals/" + file.referral, practitioner).text("/data/healthNotes"),
                api.get("/api/v1/referrals/" + file.referral, practitioner).text("/events/0/note"),
                api.get("/api/v1/activities/" + file.activity, practitioner).text("/notes"),
                api.get("/api/v1/group-sessions/" + file.groupSession, practitioner).text("/notes"),
                api.get("/api/v1/plans/" + file.plan, practitioner).text("/reviews/0/notes"),
                api.get("/api/v1/feedback/" + file.feedback, practitioner).text("/summary"),
                api.get("/api/v1/safeguarding-concerns/" + file.concern, manager).text("/details"),
                api.get("/api/v1/safeguarding-concerns/" + file.concern, manager).text("/actionTaken"));
        for (String text : readable) {
            assertTrue(text.endsWith(CaseFile.SECRET), text);
        }
        assertEquals("********7890", api.get("/api/v1/workers/" + file.worker, manager)
                .text("/dbsChecks/0/certificateNumber"), "a DBS certificate number is shown masked");
    }

    @Test
    void noRawRowOfAnyTableHoldsThePlaintext() throws SQLException {
        List<String> found = new ArrayList<>();
        int tables = 0;
        try (Connection c = TestDatabase.ownerConnection()) {
            for (String table : userTables(c)) {
                tables++;
                for (String secret : List.of(CaseFile.SECRET, "001234567890")) {
                    try (PreparedStatement s = c.prepareStatement(
                            "select count(*) from " + table + " x where x::text like ?")) {
                        s.setString(1, "%" + secret + "%");
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(table + " holds " + secret);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(tables > 20, "the scan covered the schema (" + tables + " tables)");
        assertEquals(List.of(), found);
    }

    private static List<String> userTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                + " from information_schema.tables where table_type = 'BASE TABLE'"
                + " and table_schema not in ('pg_catalog', 'information_schema')");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
