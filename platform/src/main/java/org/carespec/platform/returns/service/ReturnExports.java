package org.carespec.platform.returns.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.json.Json;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.repository.ReturnVersions;
import org.carespec.platform.returns.repository.ReturnVersions.StoredVersion;

/**
 * A return as a file (CSV, XLSX, PDF), exactly as the caller would see it in the API; the PDF adds the year's
 * earlier quarters as columns, each as it stands (submitted, or live while a draft). Every export is audited.
 */
@Singleton
public class ReturnExports {

    private final ReturnService returns;
    private final ReturnVersions versions;
    private final ReturnFigures figures;
    private final ReturnExport files;
    private final OrganisationService organisations;
    private final AuditLog audit;

    public ReturnExports(ReturnService returns, ReturnVersions versions, ReturnFigures figures, ReturnExport files,
                         OrganisationService organisations, AuditLog audit) {
        this.returns = returns;
        this.versions = versions;
        this.figures = figures;
        this.files = files;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** A file and how to send it. */
    public record ExportFile(byte[] bytes, String mediaType, String fileName) {
    }

    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ExportFile export(UUID contractId, String periodId, ReturnExport.Format format) {
        ReturnService.Subject s = returns.subject(contractId, periodId);
        ReturnView view = returns.view(s);
        String reference = s.contract().reference() == null ? contractId.toString() : s.contract().reference();
        byte[] bytes = switch (format) {
            case CSV -> files.csv(view);
            case XLSX -> files.xlsx(view, reference);
            case PDF -> pdf(s, view);
        };
        audit.record("export", "return", contractId + ":" + s.period(),
                Json.write(Map.of("format", format.name(), "status", view.status().name())));
        String name = ("return-" + reference + "-" + s.period()).replaceAll("[^A-Za-z0-9._-]", "_");
        return new ExportFile(bytes, format.mediaType, name + "." + format.extension);
    }

    /** The monitoring table: a row per KPI, a column per quarter of the year (earlier ones read in one query). */
    private byte[] pdf(ReturnService.Subject s, ReturnView view) {
        List<String> quarters = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        if (s.period().isQuarter()) {
            List<FinancialPeriod> earlier = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                FinancialPeriod quarter = new FinancialPeriod(s.period().startYear(), q);
                quarters.add(quarter.toString());
                if (q < s.period().quarter()) {
                    earlier.add(quarter);
                }
            }
            Map<String, StoredVersion> latest = versions.latest(s.tenant(), s.contract().id(),
                    earlier.stream().map(FinancialPeriod::toString).toList());
            for (FinancialPeriod quarter : earlier) {
                StoredVersion stored = latest.get(quarter.toString());
                List<ReturnLine> lines = stored != null && stored.status().stands() ? stored.snapshot().lines()
                        : figures.compute(s.tenant(), s.contract().id(), s.module(), quarter).lines();
                Map<String, BigDecimal> byCode = new LinkedHashMap<>();
                lines.stream().filter(l -> l.value() != null).forEach(l -> byCode.put(l.code(), l.value()));
                values.put(quarter.toString(), byCode);
            }
        } else {
            quarters.add(s.period().toString());
        }
        Map<String, BigDecimal> current = new LinkedHashMap<>();
        view.lines().stream().filter(l -> l.value() != null).forEach(l -> current.put(l.code(), l.value()));
        values.put(s.period().toString(), current);
        String provider = organisations.find(s.contract().providerId()).map(Organisation::name).orElse("");
        return files.pdf(view, s.contract().title(), provider, quarters, values);
    }
}
