package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.LogWatch;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's canaries: a case file whose every note, health detail, safeguarding detail and unshared feedback carries
 * {@link CaseFile#SECRET} is written and read through the API, including requests that fail. The marker must then be
 * nowhere it has no business being: in any raw row of the database, in any log line (message or stack trace), in the
 * quarter's return in any export format, or in what a tenant administrator, a commissioner or a volunteer is
 * answered. A key safe code, a field a module restricts to the manager's permission, is held to the same, and to a
 * practitioner's reading of the record.
 */
@MicronautTest(transactional = false)
class CanaryTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    CaseFile file;
    LogWatch log;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void aCaseFileWrittenWhileTheLogIsWatched() {
        log = LogWatch.start();
        api = new Api(server);
        t = TestTenant.create(api);
        file = CaseFile.record(api, t);
        String practitioner = t.token(Role.PRACTITIONER);
        for (String path : file.recordPaths()) {
            api.get(path, practitioner);
        }
        // failures that log: a body refused by name, a step out of turn, a note with a NUL in it
        api.post("/api/v1/referrals/" + file.referral + "/events", practitioner, Map.of("type", "ACCEPTED",
                "occurredAt", "2026-05-20T10:00:00", "note", "Again " + CaseFile.SECRET));
        api.post("/api/v1/persons", practitioner, "{\"givenName\":\"" + CaseFile.SECRET + "\\u0000\"}");
        api.post("/api/v1/persons/" + file.carer + "/relationships", practitioner,
                Map.of("relatedPersonId", file.carer, "kind", CaseFile.SECRET));
        api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER), "password", CaseFile.SECRET));
        // a key safe code: a field a module restricts to a permission (the manager's) and encrypts at rest
        String breaks = t.contractForPart("short-breaks-shape", "part-2");
        String child = api.post("/api/v1/persons", practitioner, Map.of("givenName", "Sam", "familyName", "Child",
                "dateOfBirth", "2015-03-01")).expect(201).id();
        carePlan = api.post("/api/v1/contracts/" + breaks + "/records/care-plan", t.token(Role.PROVIDER_MANAGER),
                Map.of("personId", child, "data", Map.of("summary", "Two visits a week", "keySafeCode",
                        KEY_SAFE_CODE))).expect(201).id();
        assertEquals(KEY_SAFE_CODE, api.get("/api/v1/records/" + carePlan, t.token(Role.PROVIDER_MANAGER))
                .expect(200).text("/data/keySafeCode"), "the manager holds the permission and reads the code");
        api.post("/api/v1/contracts/" + breaks + "/records/care-plan", practitioner, Map.of("personId", child,
                "data", Map.of("summary", "Refused", "keySafeCode", KEY_SAFE_CODE))).expect(403);
    }

    /** The code of a key safe outside a child's home: only those with the module's permission may see it. */
    static final String KEY_SAFE_CODE = "KEYSAFE-4417";

    String carePlan;

    @AfterAll
    void stopWatching() {
        log.close();
    }

    @Test
    void theMarkerIsInNoLogLine() {
        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("Login failed")),
                "the log was watched (a failed sign-in is logged): " + log.lines().size() + " lines");
        assertEquals(List.of(), log.holding(List.of(CaseFile.SECRET, KEY_SAFE_CODE)));
    }

    @Test
    void theMarkerIsInNoExportOfTheQuarter() throws Exception {
        String export = "/api/v1/contracts/" + file.contract + "/returns/2026-27-Q1/export?format=";
        String commissioner = t.token(Role.COMMISSIONER);
        HttpResponse<byte[]> csv = fetch(export + "csv", commissioner);
        assertEquals(200, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));
        assertFalse(new String(csv.body(), StandardCharsets.UTF_8).contains(CaseFile.SECRET), "CSV");
        assertFalse(new String(csv.body(), StandardCharsets.UTF_8).contains(KEY_SAFE_CODE), "CSV");

        HttpResponse<byte[]> xlsx = fetch(export + "xlsx", commissioner);
        assertEquals(200, xlsx.statusCode());
        StringBuilder sheets = new StringBuilder();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new ByteArrayInputStream(xlsx.body()))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : book.getSheets().toList()) {
                for (org.dhatim.fastexcel.reader.Row row : sheet.read()) {
                    row.forEach(cell -> sheets.append(cell == null ? "" : cell.getText()).append('\t'));
                }
            }
        }
        assertTrue(sheets.length() > 100, "the workbook was read");
        assertFalse(sheets.toString().contains(CaseFile.SECRET), "XLSX");
        assertFalse(sheets.toString().contains(KEY_SAFE_CODE), "XLSX");

        HttpResponse<byte[]> pdf = fetch(export + "pdf", commissioner);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.length() > 50, "the PDF was read");
            assertFalse(text.contains(CaseFile.SECRET), "PDF");
            assertFalse(text.contains(KEY_SAFE_CODE), "PDF");
        }
    }

    @Test
    void theMarkerIsInNoAnswerToThoseWithoutTheRight() {
        String admin = t.token(Role.TENANT_ADMIN);
        String audit = api.get("/api/v1/audit/events?size=100", admin).expect(200).body();
        assertTrue(audit.contains("\"entity\":\"person\""), "the administrator sees the events");
        assertFalse(audit.contains(CaseFile.SECRET), "the audit trail as the administrator reads it");
        assertFalse(audit.contains(KEY_SAFE_CODE), "the audit trail as the administrator reads it");
        String practitioner = t.token(Role.PRACTITIONER);
        String plan = api.get("/api/v1/records/" + carePlan, practitioner).expect(200).body();
        assertTrue(plan.contains("Two visits a week"), plan);
        assertFalse(plan.contains(KEY_SAFE_CODE), "a care plan as a practitioner without the permission reads it");
        String commissioner = t.token(Role.COMMISSIONER);
        String quarter = api.get("/api/v1/contracts/" + file.contract + "/returns/2026-27-Q1", commissioner)
                .expect(200).body();
        assertFalse(quarter.contains(CaseFile.SECRET), "the return as the commissioner reads it");
        String volunteer = t.token(Role.VOLUNTEER);
        String session = api.get("/api/v1/group-sessions/" + file.groupSession, volunteer).body();
        assertFalse(session.contains(CaseFile.SECRET), "a group session as a volunteer reads it");
    }

    @Test
    void noRawRowHoldsTheMarkerOrTheCode() throws Exception {
        org.carespec.platform.test.RawDatabase.Scan scan = org.carespec.platform.test.RawDatabase.search(
                List.of(CaseFile.SECRET, KEY_SAFE_CODE, "Two visits a week"));
        assertFalse(scan.of("Two visits a week").isEmpty(), "the scan reads the care plan's row (its summary is "
                + "stored as written): " + scan.rows() + " rows");
        assertEquals(List.of(), scan.of(CaseFile.SECRET), "raw rows holding the marker");
        assertEquals(List.of(), scan.of(KEY_SAFE_CODE), "raw rows holding the key safe code");
    }

    private HttpResponse<byte[]> fetch(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
