package org.carespec.platform.obligation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.carespec.platform.obligation.domain.EvidenceFile;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence files on the fixture module's obligations: the provider's manager attaches them, the commissioner reads
 * them, nobody else sees them; their type is checked against their bytes, their size against 10 MiB, and the
 * audit trail records each upload and download without copying the file.
 */
@MicronautTest(transactional = false)
class ObligationEvidenceTest extends IntegrationTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String contract;
    String evidence;

    @BeforeAll
    void aContractWithAnAnnualReportDue() {
        api = new Api(server);
        t = TestTenant.create(api);
        contract = t.contract("fixture", Map.of());
        evidence = "/api/v1/contracts/" + contract + "/obligations/annual-report/2026/evidence";
    }

    @Test
    void theManagerAttachesAFileTheCommissionerDownloadsItExactlyAndTheAuditTrailHasNoCopy() throws Exception {
        String manager = t.token(Role.PROVIDER_MANAGER);
        // A contract of its own, so that the other tests' files on the shared one do not join the list.
        String evidence = "/api/v1/contracts/" + t.contract("fixture", Map.of())
                + "/obligations/annual-report/2026/evidence";
        JsonNode kept = api.upload(evidence + "?filename=Equality%20impact%202026.pdf", manager, PDF,
                "application/pdf", false).expect(201).json();
        assertEquals("Equality impact 2026.pdf", kept.path("filename").asText());
        assertEquals("application/pdf", kept.path("contentType").asText());
        assertEquals(PDF.length, kept.path("size").asInt());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)),
                kept.path("sha256").asText());

        JsonNode listed = api.get(evidence, t.token(Role.COMMISSIONER)).expect(200).json().path("items");
        assertEquals(1, listed.size());
        HttpResponse<byte[]> file = api.download(evidence + "/" + kept.path("id").asText(), t.token(Role.COMMISSIONER));
        assertEquals(200, file.statusCode());
        assertArrayEquals(PDF, file.body());
        assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());

        try (Connection c = TestDatabase.ownerConnection(); PreparedStatement ps = c.prepareStatement(
                "select action, after::text from audit_event where tenant_id = ?::uuid and entity = 'obligation_evidence'"
                        + " and entity_id = ? order by id")) {
            try (PreparedStatement tenant = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                tenant.setString(1, t.id);
                tenant.execute();
            }
            ps.setString(1, t.id);
            ps.setString(2, kept.path("id").asText());
            List<String> actions = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                    String after = rs.getString(2);
                    if ("insert".equals(rs.getString(1))) {
                        assertTrue(after.contains("Equality impact 2026.pdf"), after);
                        assertTrue(after.contains(kept.path("sha256").asText()), after);
                        assertFalse(after.contains("\"content\""), "the file was copied into the audit trail");
                        assertFalse(after.contains("Catalog"), "the file was copied into the audit trail");
                    }
                }
            }
            assertTrue(actions.contains("insert") && actions.contains("read"), actions.toString());
        }
    }

    @Test
    void onlyTheContractsProviderManagerAttachesAndOnlyTheContractsPeopleRead() {
        String upload = evidence + "?filename=report.pdf";
        for (Role role : List.of(Role.COMMISSIONER, Role.TENANT_ADMIN, Role.PRACTITIONER, Role.VOLUNTEER)) {
            assertEquals(403, api.upload(upload, t.token(role), PDF, "application/pdf", false).status(), role.name());
        }
        assertEquals(404, api.upload(upload, t.otherProviderManager, PDF, "application/pdf", false).status());
        String id = api.upload(upload, t.token(Role.PROVIDER_MANAGER), PDF, "application/pdf", false)
                .expect(201).id();
        String before = api.get(evidence, t.token(Role.PROVIDER_MANAGER)).expect(200).body();
        TestTenant other = TestTenant.create(api);
        for (String token : List.of(t.otherProviderManager, other.token(Role.PROVIDER_MANAGER),
                other.token(Role.COMMISSIONER), other.token(Role.TENANT_ADMIN))) {
            assertEquals(404, api.get(evidence, token).status());
            assertEquals(404, api.download(evidence + "/" + id, token).statusCode());
        }
        for (String manager : List.of(t.otherProviderManager, other.token(Role.PROVIDER_MANAGER))) {
            assertEquals(404, api.upload(upload, manager, PDF, "application/pdf", false).status());
            assertEquals(404, api.delete(evidence + "/" + id, manager).status());
        }
        assertEquals(before, api.get(evidence, t.token(Role.PROVIDER_MANAGER)).expect(200).body(),
                "nothing was added or removed by the attempts");
        assertEquals(403, api.download(evidence + "/" + id, t.token(Role.PRACTITIONER)).statusCode());
        assertEquals(404, api.upload("/api/v1/contracts/" + contract + "/obligations/annual-report/2040/evidence"
                + "?filename=a.pdf", t.token(Role.PROVIDER_MANAGER), PDF, "application/pdf", false).status());
    }

    @Test
    void aFileMustBeWhatItSaysAndOfAnAcceptedType() {
        String manager = t.token(Role.PROVIDER_MANAGER);
        ApiResponse disguised = api.upload(evidence + "?filename=report.pdf", manager, PNG, "application/pdf", false);
        assertEquals(415, disguised.status());
        assertEquals(List.of("Content-Type"), disguised.problemFields());
        assertTrue(disguised.body().contains("image/png"), disguised.body());
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        ApiResponse exe = api.upload(evidence + "?filename=report.pdf", manager, program, "application/pdf", false);
        assertEquals(415, exe.status());
        assertEquals(List.of("body"), exe.problemFields());
        byte[] binary = {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 5};
        ApiResponse notText = api.upload(evidence + "?filename=notes.txt", manager, binary, "text/plain", false);
        assertEquals(415, notText.status(), notText.body());
        ApiResponse traversal = api.upload(evidence + "?filename=..%2Fetc%2Fpasswd", manager, PDF, "application/pdf",
                false);
        assertEquals(400, traversal.status());
        assertEquals(List.of("filename"), traversal.problemFields());
        assertEquals(List.of("filename"), api.upload(evidence, manager, PDF, "application/pdf", false).problemFields());
        ApiResponse renamed = api.upload(evidence + "?filename=report.html", manager, PDF, "application/pdf", false);
        assertEquals(415, renamed.status(), "a PDF must keep a PDF's name, so it downloads as what it is");
        assertEquals(List.of("filename"), renamed.problemFields());
        assertEquals(List.of("filename"), api.upload(evidence + "?filename=%E2%80%AEfdp.exe", manager, PDF,
                "application/pdf", false).problemFields(), "a right-to-left override hides the real extension");
        assertEquals(List.of("body"), api.upload(evidence + "?filename=a.pdf", manager, new byte[0],
                "application/pdf", false).problemFields());
        assertEquals(201, api.upload(evidence + "?filename=figures.csv", manager,
                "quarter,carers\nQ1,12\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", false)
                .status());
        assertEquals(201, api.upload(evidence + "?filename=scan.png", manager, PNG, "application/octet-stream",
                false).status(), "a client that cannot tell the type may leave it to the platform");
    }

    @Test
    void tenMebibytesAreAcceptedAndOneByteMoreIsNot() {
        String manager = t.token(Role.PROVIDER_MANAGER);
        byte[] big = Arrays.copyOf(PDF, EvidenceFile.MAX_BYTES);
        Arrays.fill(big, PDF.length, big.length, (byte) ' ');
        JsonNode kept = api.upload(evidence + "?filename=big.pdf", manager, big, "application/pdf", false)
                .expect(201).json();
        assertEquals(EvidenceFile.MAX_BYTES, kept.path("size").asInt());
        ApiResponse tooBig = api.upload(evidence + "?filename=big.pdf", manager, Arrays.copyOf(big, big.length + 1),
                "application/pdf", false);
        assertEquals(413, tooBig.status());
        assertTrue(tooBig.isProblem());
        // Elsewhere a body stays within 1 MiB, and must say its length.
        ApiResponse json = api.send("POST", "/api/v1/persons", manager, "{\"givenName\":\"" + "x".repeat(1_100_000)
                + "\"}", Map.of());
        assertEquals(413, json.status());
        assertTrue(json.isProblem());
        ApiResponse chunked = api.upload("/api/v1/persons", manager, "{\"givenName\":\"A\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json", true);
        assertEquals(411, chunked.status());
        assertEquals(List.of("Content-Length"), chunked.problemFields());
    }

    @Test
    void evidenceCanBeTakenBackUntilTheOccurrenceIsDone() {
        String manager = t.token(Role.PROVIDER_MANAGER);
        String path = "/api/v1/contracts/" + contract + "/obligations/mindful-employer/once";
        String first = api.upload(path + "/evidence?filename=wrong.pdf", manager, PDF, "application/pdf", false)
                .expect(201).id();
        assertEquals(403, api.delete(path + "/evidence/" + first, t.token(Role.COMMISSIONER)).status());
        assertEquals(204, api.delete(path + "/evidence/" + first, manager).status());
        assertEquals(0, api.get(path + "/evidence", manager).expect(200).json().path("items").size());
        String second = api.upload(path + "/evidence?filename=certificate.pdf", manager, PDF, "application/pdf", false)
                .expect(201).id();
        api.post(path + "/done", manager, Map.of("doneOn", "2026-09-01")).expect(200);
        assertEquals(409, api.delete(path + "/evidence/" + second, manager).status());
        assertEquals(1, api.get(path + "/evidence", t.token(Role.COMMISSIONER)).expect(200).json().path("items")
                .size());
    }
}
