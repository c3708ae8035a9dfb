package org.carespec.platform.returns.service;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carespec.platform.document.Html;
import org.carespec.platform.document.PdfRenderer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A return written out for people who keep their own records: CSV (Apache Commons CSV), XLSX (fastexcel) and a PDF
 * laid out like a specification's monitoring table, one row per KPI and a column per quarter of the financial year
 * (openhtmltopdf). Exactly what the caller sees in the API goes into the file, nothing more.
 */
@Singleton
public class ReturnExport {

    /** The file formats, with their media types and extensions. */
    public enum Format {
        CSV("text/csv", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private static final String[] HEADER = {"period", "status", "code", "title", "source", "unit", "value",
        "numerator", "denominator", "dimension", "category", "definition"};

    /** One row per figure, then one per breakdown cell, then the narratives (unit TEXT). */
    public byte[] csv(ReturnView r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (ReturnView.Line l : r.lines()) {
                csv.printRecord(r.period(), r.status(), l.code(), safe(l.title()), l.source(), l.unit(),
                        number(l.value()), number(l.numerator()), number(l.denominator()), "", "",
                        safe(l.definition() == null ? "" : l.definition()));
            }
            for (ReturnView.Line l : r.lines()) {
                for (ReturnView.Cell c : l.breakdown()) {
                    csv.printRecord(r.period(), r.status(), l.code(), safe(l.title()), l.source(), l.unit(),
                            c.suppressed() != null ? c.suppressed() : number(c.value()), number(c.numerator()),
                            number(c.denominator()), safe(c.dimension()), safe(c.category()), "");
                }
            }
            for (ReturnView.Narrative n : r.narratives()) {
                csv.printRecord(r.period(), r.status(), n.code(), safe(n.title()), n.source(), "TEXT",
                        safe(n.text() == null ? "" : n.text()), "", "", "", "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Sheets: the return (its header and figures), the breakdowns, the narratives. */
    public byte[] xlsx(ReturnView r, String contractReference) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook book = new Workbook(bytes, "Carespec", "1.0")) {
            Worksheet sheet = book.newWorksheet("Return");
            String[][] about = {{"Contract", contractReference}, {"Module", r.moduleId()}, {"Period", r.period()},
                {"Status", r.status().name()}, {"Due", String.valueOf(r.dueDate())}, {"Timeliness", r.timeliness().name()}};
            int row = 0;
            for (String[] pair : about) {
                sheet.value(row, 0, pair[0]);
                sheet.style(row, 0).bold().set();
                sheet.value(row, 1, pair[1]);
                row++;
            }
            row++;
            String[] columns = {"Code", "Title", "Source", "Unit", "Value", "Numerator", "Denominator", "Definition"};
            for (int c = 0; c < columns.length; c++) {
                sheet.value(row, c, columns[c]);
                sheet.style(row, c).bold().set();
            }
            for (ReturnView.Line l : r.lines()) {
                row++;
                sheet.value(row, 0, l.code());
                sheet.value(row, 1, l.title());
                sheet.value(row, 2, l.source());
                sheet.value(row, 3, l.unit());
                put(sheet, row, 4, l.value());
                put(sheet, row, 5, l.numerator());
                put(sheet, row, 6, l.denominator());
                if (l.definition() != null) {
                    sheet.value(row, 7, l.definition());
                }
            }
            Worksheet cells = book.newWorksheet("Breakdown");
            String[] cellColumns = {"Code", "Dimension", "Category", "Value", "Numerator", "Denominator"};
            for (int c = 0; c < cellColumns.length; c++) {
                cells.value(0, c, cellColumns[c]);
                cells.style(0, c).bold().set();
            }
            int cellRow = 0;
            for (ReturnView.Line l : r.lines()) {
                for (ReturnView.Cell c : l.breakdown()) {
                    cellRow++;
                    cells.value(cellRow, 0, l.code());
                    cells.value(cellRow, 1, c.dimension());
                    cells.value(cellRow, 2, c.category());
                    if (c.suppressed() != null) {
                        cells.value(cellRow, 3, c.suppressed());
                    }
                    put(cells, cellRow, 3, c.value());
                    put(cells, cellRow, 4, c.numerator());
                    put(cells, cellRow, 5, c.denominator());
                }
            }
            Worksheet narratives = book.newWorksheet("Narratives");
            narratives.value(0, 0, "Code");
            narratives.value(0, 1, "Title");
            narratives.value(0, 2, "Text");
            int n = 0;
            for (ReturnView.Narrative narrative : r.narratives()) {
                n++;
                narratives.value(n, 0, narrative.code());
                narratives.value(n, 1, narrative.title());
                narratives.value(n, 2, narrative.text() == null ? "" : narrative.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The monitoring table: a row per KPI (code, what the specification asks), a column per quarter of the
     * financial year ({@code quarters}: quarter id to code to value; a quarter not yet reported is left blank),
     * then the narratives.
     */
    public byte[] pdf(ReturnView r, String contractTitle, String provider, List<String> quarterIds,
                      Map<String, Map<String, BigDecimal>> quarters) {
        StringBuilder rows = new StringBuilder();
        for (ReturnView.Line l : r.lines()) {
            rows.append("<tr><td class=\"code\">").append(Html.escape(l.code())).append("</td><td>")
                    .append(Html.escape(l.title())).append("<div class=\"source\">").append(Html.escape(l.source()))
                    .append("</div>");
            if (l.definition() != null) { // what the figure counts, as the module defines it
                rows.append("<div class=\"definition\">").append(Html.escape(l.definition())).append("</div>");
            }
            rows.append("</td>");
            for (String q : quarterIds) {
                BigDecimal v = quarters.getOrDefault(q, Map.of()).get(l.code());
                rows.append("<td class=\"num\">").append(v == null ? "" : Html.escape(v.stripTrailingZeros()
                        .toPlainString())).append(l.unit().equals("PERCENTAGE") && v != null ? "%" : "")
                        .append("</td>");
            }
            rows.append("</tr>");
        }
        StringBuilder head = new StringBuilder();
        for (String q : quarterIds) {
            head.append("<th class=\"num\">").append(Html.escape(q.substring(q.length() - 2))).append("</th>");
        }
        StringBuilder narratives = new StringBuilder();
        for (ReturnView.Narrative n : r.narratives()) {
            narratives.append("<h3>").append(Html.escape(n.code())).append(" ").append(Html.escape(n.title())).append("</h3><p>")
                    .append(n.text() == null ? "<em>Not written.</em>" : Html.escape(n.text()).replace("\n", "<br/>"))
                    .append("</p>");
        }
        String html = """
                <html><head><style>
                  @page { size: A4 landscape; margin: 15mm; }
                  body { font-family: Helvetica, sans-serif; font-size: 10pt; }
                  table { border-collapse: collapse; width: 100%%; }
                  th, td { border: 1px solid #555; padding: 4px 6px; vertical-align: top; }
                  th { background: #e8e8e8; text-align: left; }
                  .num { text-align: right; width: 12%%; }
                  .code { width: 8%%; font-weight: bold; }
                  .source { color: #555; font-size: 8pt; }
                  .definition { color: #333; font-size: 8pt; margin-top: 2px; }
                </style></head><body>
                <h1>%s</h1>
                <p>%s &#8212; %s. Return for %s: %s, due %s (%s).</p>
                <table><thead><tr><th>Code</th><th>Monitoring information</th>%s</tr></thead><tbody>%s</tbody></table>
                %s
                </body></html>""".formatted(Html.escape(contractTitle), Html.escape(provider), Html.escape(r.moduleId()),
                Html.escape(r.period()), Html.escape(r.status().name()), r.dueDate(), r.timeliness(), head, rows,
                narratives.isEmpty() ? "" : "<h2>Narrative</h2>" + narratives);
        return PdfRenderer.render(html, "the return");
    }

    private static void put(Worksheet sheet, int row, int column, BigDecimal value) {
        if (value != null) {
            sheet.value(row, column, value);
        }
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** Text that a spreadsheet would run as a formula is written as text (OWASP CSV injection). */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

}
