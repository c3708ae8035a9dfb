package org.carespec.platform.referral.service;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * The letter a declined referral produces (002 §4.13: "a full written reason … to the Care Co-ordinator, or
 * individual as appropriate with a copy to the Contract Manager"). It goes to the referrer named on the referral
 * form ({@code referrer.name}, {@code referrer.organisation}, {@code referrer.address}) or else to the person, and
 * gives the coded reason in words with the practitioner's written reason. One XHTML document is served as HTML or
 * rendered to PDF with openhtmltopdf. Producing it is audited: it holds personal data.
 */
@Singleton
public class DeclineLetter {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReferralService referrals;
    private final ContractService contracts;
    private final CallerContext callers;
    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;

    public DeclineLetter(ReferralService referrals, ContractService contracts, CallerContext callers, Sql sql,
                         AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.contracts = contracts;
        this.callers = callers;
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public String html(UUID referralId) {
        Caller caller = callers.require();
        ReferralView referral = referrals.get(referralId);
        if (referral.status() != ReferralStatus.DECLINED) {
            throw new ConflictException("A letter of decline exists only for a DECLINED referral; this one is "
                    + referral.status() + ".");
        }
        Contract contract = contracts.visible(referral.contractId());
        InstalledPlugin module = referrals.moduleOf(referrals.own(caller, referralId));
        Map<String, String> person = sql.one("select given_name || ' ' || family_name as name, address from person"
                        + " where tenant_id = ? and id = ?", List.of(caller.tenant(), referral.personId()),
                rs -> Map.of("name", rs.getString(1), "address", rs.getString(2) == null ? "" : rs.getString(2)))
                .orElseThrow();
        String provider = organisationName(caller.tenant(), contract.providerId());
        String commissioner = organisationName(caller.tenant(), contract.commissionerId());
        ReferralView.Event decline = referral.events().stream()
                .filter(e -> e.type() == org.carespec.plugin.api.ReferralEventType.DECLINED).findFirst().orElseThrow();
        String reasonInWords = module.codeList(CodeLists.DECLINE_REASON)
                .flatMap(list -> list.find(decline.reason())).map(c -> c.label()).orElse(decline.reason());
        Object referrerValue = referral.data().get("referrer");
        @SuppressWarnings("unchecked")
        Map<String, Object> referrer = referrerValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        boolean toReferrer = referrer.get("name") instanceof String s && !s.isBlank();
        String addresseeName = toReferrer ? referrer.get("name").toString() : person.get("name");
        String addressLines = toReferrer
                ? join(referrer.get("role"), referrer.get("organisation"), referrer.get("address"))
                : person.get("address");
        String service = module.descriptor().name();
        String received = LONG_DATE.format(referral.receivedAt().toLocalDate());
        String opening = toReferrer
                ? "Thank you for your referral of " + escape(person.get("name")) + " to " + escape(service)
                        + ", which we received on " + received + "."
                : "Thank you for your referral to " + escape(service) + ", which we received on " + received + ".";
        String manager = contract.contractManagerName() == null ? "The Contract Manager"
                : contract.contractManagerName() + ", Contract Manager";
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"/><title>Referral not accepted</title>
                <style>
                  body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.4; margin: 2cm; }
                  .from { text-align: right; } h1 { font-size: 14pt; } h2 { font-size: 12pt; }
                  .copy { margin-top: 2em; font-size: 10pt; }
                </style></head>
                <body>
                <p class="from"><strong>%s</strong><br/>%s</p>
                <p>%s</p>
                <p>%s<br/>%s</p>
                <p>Dear %s,</p>
                <h1>Your referral was not accepted</h1>
                <p>%s We are sorry that we cannot offer the service on this occasion.</p>
                <h2>Why</h2>
                <p>%s</p>
                %s
                <p>If you would like to talk about this decision, or would like us to attend a review or a meeting about it,
                please contact us.</p>
                <p>Yours sincerely,</p>
                <p>%s</p>
                <p class="copy">Copy to: %s, %s</p>
                </body></html>
                """.formatted(escape(provider), escape(service), LONG_DATE.format(LondonTime.today(clock)),
                escape(addresseeName), escape(addressLines).replace("\n", "<br/>"), escape(addresseeName), opening,
                escape(reasonInWords), decline.note() == null ? ""
                        : "<p>" + escape(decline.note()).replace("\n", "<br/>") + "</p>", escape(provider),
                escape(manager), escape(commissioner));
        audit.record("letter", "referral", referralId.toString(), "{\"letter\":\"decline\"}");
        return html;
    }

    @Transactional
    public byte[] pdf(UUID referralId) {
        String html = html(referralId);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be rendered", e);
        }
    }

    private String organisationName(UUID tenant, UUID organisation) {
        return sql.one("select name from organisation where tenant_id = ? and id = ?", List.of(tenant, organisation),
                rs -> rs.getString(1)).orElse("");
    }

    private static String join(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String text && !text.isBlank()) {
                if (s.length() > 0) {
                    s.append('\n');
                }
                s.append(text);
            }
        }
        return s.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
