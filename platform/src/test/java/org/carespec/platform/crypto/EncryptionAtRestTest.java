package org.carespec.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.RawDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Free-text notes, safeguarding details, communication needs, feedback and the fields a module marks sensitive are
 * stored encrypted: the API gives them back, while every raw row of every table of every tenant (audit trail
 * included), each column decoded, holds no trace of them.
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
    void noRawRowOfAnyTableHoldsThePlaintextAndTheScanProvesItReadsRowsAndBytes() throws SQLException {
        // Controls the scan must find, or it proves nothing: a name, stored as written by design, and the text of an
        // evidence file, kept as uploaded in a bytea column (which reads as hex if a scan only casts rows to text).
        String control = "EVIDENCE-KEPT-AS-UPLOADED-" + file.tenant.slug;
        api.upload("/api/v1/contracts/" + file.contract + "/obligations/annual-report/2026/evidence?filename=notes.txt",
                file.tenant.token(Role.PROVIDER_MANAGER),
                ("Minutes of the annual review\n" + control + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain", false).expect(201);

        RawDatabase.Scan scan = RawDatabase.search(List.of(CaseFile.SECRET, "001234567890", control, "Carys"));

        for (String table : List.of("person", "referral", "referral_event", "activity", "group_session", "plan_review",
                "record", "feedback", "safeguarding_concern", "worker_dbs_check", "obligation_evidence",
                "audit_event")) {
            assertTrue(scan.rows("public." + table) > 0, "the scan read no row of " + table + ": " + scan.rowsByTable());
        }
        assertEquals(List.of(new RawDatabase.Finding("public.obligation_evidence", "content", control)),
                scan.of(control), "the scan decodes bytea");
        assertTrue(scan.of("Carys").contains(new RawDatabase.Finding("public.person", "given_name", "Carys")),
                "the scan reads tenants' rows: " + scan.of("Carys"));
        assertEquals(List.of(), scan.of(CaseFile.SECRET));
        assertEquals(List.of(), scan.of("001234567890"), "a DBS certificate number");
    }
}
