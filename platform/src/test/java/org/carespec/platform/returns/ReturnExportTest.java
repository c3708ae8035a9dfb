package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A return exported as CSV, XLSX and a PDF monitoring table, read back with independent readers. */
@MicronautTest(transactional = false)
class ReturnExportTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    Casework work;
    String q2;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void twoQuarters() {
        api = new Api(server);
        t = TestTenant.create(api);
        work = Casework.practitioner(api, t, "fixture", Map.of());
        String p = work.person("Gil", "Seven", "1950-01-01", null);
        work.refer(p, "2026-04-14T10:00:00", "GP", null, null).expect(201);
        work.refer(p, "2026-07-14T10:00:00", "GP", null, null).expect(201);
        work.refer(p, "2026-08-14T10:00:00", "SELF", null, null).expect(201);
        String manager = t.token(Role.PROVIDER_MANAGER);
        api.post("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1/submit", manager, null).expect(200);
        api.post("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q2/narratives", manager,
                Map.of("code", "FX2", "text", "=HYPERLINK(\"http://evil.example\",\"click\")")).expect(200);
        q2 = "/api/v1/contracts/" + work.contract + "/returns/2026-27-Q2/export";
    }

    @Test
    void csvHasEveryFigureBreakdownAndNarrativeAndDefusesFormulas() throws Exception {
        HttpResponse<byte[]> r = fetch(q2 + "?format=csv", t.token(Role.COMMISSIONER), null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("2026-27-Q2.csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))).getRecords();
        CSVRecord fx1 = rows.stream().filter(x -> x.get("code").equals("FX1") && x.get("dimension").isEmpty())
                .findFirst().orElseThrow();
        assertEquals("2", fx1.get("value"));
        assertTrue(rows.stream().anyMatch(x -> x.get("code").equals("FX1") && x.get("category").equals("SELF")
                && x.get("value").equals("1")));
        CSVRecord narrative = rows.stream().filter(x -> x.get("code").equals("FX2")).findFirst().orElseThrow();
        assertTrue(narrative.get("value").startsWith("'="), "a formula is written as text: " + narrative.get("value"));
    }

    @Test
    void xlsxOpensWithTheFiguresInTheirCells() throws Exception {
        HttpResponse<byte[]> r = fetch(q2 + "?format=xlsx", t.token(Role.PROVIDER_MANAGER), null);
        assertEquals(200, r.statusCode());
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getFirstSheet();
            assertEquals("Return", sheet.getName());
            List<Row> rows = sheet.read();
            Row fx1 = rows.stream().filter(x -> "FX1".equals(x.getCellText(0))).findFirst().orElseThrow();
            assertEquals(0, new java.math.BigDecimal("2").compareTo(fx1.getCellAsNumber(4).orElseThrow()));
            List<String> names = new ArrayList<>();
            book.getSheets().forEach(s -> names.add(s.getName()));
            assertEquals(List.of("Return", "Breakdown", "Narratives"), names);
        }
    }

    @Test
    void thePdfIsAMonitoringTableWithAColumnPerQuarter() throws Exception {
        HttpResponse<byte[]> r = fetch(q2, t.token(Role.COMMISSIONER), "application/pdf");
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            for (String expected : List.of("FX1", "Referrals received", "FX3", "Q1 Q2 Q3 Q4", "2026-27-Q2: DRAFT",
                    "Unmet needs")) {
                assertTrue(text.replaceAll("\\s+", " ").contains(expected), expected + " in " + text);
            }
            assertTrue(text.replaceAll("\\s+", " ").contains("Referrals received fixture §1 1 2"),
                    "Q1 as submitted (1), Q2 as it stands (2): " + text);
        }
    }

    @Test
    void theFormatMustBeOneWeWriteAndOnlyThoseWhoMayReadTheReturnMayExportIt() throws Exception {
        assertEquals(400, fetch(q2 + "?format=doc", t.token(Role.COMMISSIONER), null).statusCode());
        assertEquals(400, fetch(q2, t.token(Role.COMMISSIONER), "application/json").statusCode());
        assertEquals(200, fetch(q2, t.token(Role.COMMISSIONER), "*/*").statusCode());
        assertEquals(403, fetch(q2 + "?format=csv", t.token(Role.PRACTITIONER), null).statusCode());
        assertEquals(404, fetch(q2 + "?format=csv", t.otherProviderManager, null).statusCode());
        assertEquals(404, fetch(q2 + "?format=csv", TestTenant.create(api).token(Role.COMMISSIONER), null)
                .statusCode());
        String events = api.get("/api/v1/audit/events?entity=return", t.token(Role.TENANT_ADMIN)).expect(200).body();
        assertTrue(events.contains("\"export\""), events);
    }

    private HttpResponse<byte[]> fetch(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
