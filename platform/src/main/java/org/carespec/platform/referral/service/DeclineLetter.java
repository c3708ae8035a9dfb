package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.document.Html;
import org.carespec.platform.document.PdfRenderer;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.codes.CodeLists;

/**
 * The letter a declined referral produces (002 §4.13: "a full written reason … to the Care Co-ordinator, or
 * individual as appropriate with a copy to the Contract Manager"). It goes to the first person the referral's form
 * names among those its module declares ({@code ReferralForm.letterRecipients}: a care co-ordinator, then the
 * referrer), or else to the referred person, and gives the coded reason in words with the practitioner's written
 * reason. A referral closed as withdrawn has no such letter: nobody declined it. One XHTML document is served as HTML or
 * rendered to PDF with openhtmltopdf. Producing it is audited: it holds personal data.
 */
@Singleton
public class DeclineLetter {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReferralReader referrals;
    private final CaseworkAccess access;
    private final OrganisationService organisations;
    private final CallerContext callers;
    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;

    public DeclineLetter(ReferralReader referrals, CaseworkAccess access, OrganisationService organisations,
                         CallerContext callers, Sql sql, AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.access = access;
        this.organisations = organisations;
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
        CaseworkAccess.CaseContract held = access.ownContract(referral.contractId());
        Contract contract = held.contract();
        InstalledPlugin module = held.module();
        Map<String, String> person = sql.one("select given_name || ' ' || family_name as name, address from person"
                        + " where tenant_id = ? and id = ?", List.of(caller.requireTenant(), referral.personId()),
                rs -> Map.of("name", rs.getString(1), "address", rs.getString(2) == null ? "" : rs.getString(2)))
                .orElseThrow();
        String provider = organisationName(contract.providerId());
        String commissioner = organisationName(contract.commissionerId());
        ReferralView.Event decline = referral.events().stream()
                .filter(e -> e.type() == org.carespec.plugin.api.ReferralEventType.DECLINED).findFirst().orElseThrow();
        String reasonInWords = module.codeList(CodeLists.DECLINE_REASON)
                .flatMap(list -> list.find(decline.reason())).map(c -> c.label()).orElse(decline.reason());
        Map<String, Object> referrer = recipient(module, referral);
        boolean toReferrer = !referrer.isEmpty();
        String addresseeName = toReferrer ? referrer.get("name").toString() : person.get("name");
        String addressLines = toReferrer
                ? join(referrer.get("role"), referrer.get("team"), referrer.get("organisation"), referrer.get("address"))
                : person.get("address");
        String service = module.descriptor().name();
        String received = LONG_DATE.format(referral.receivedAt().toLocalDate());
        String opening = toReferrer
                ? "Thank you for your referral of " + Html.escape(person.get("name")) + " to " + Html.escape(service)
                        + ", which we received on " + received + "."
                : "Thank you for your referral to " + Html.escape(service) + ", which we received on " + received + ".";
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
                """.formatted(Html.escape(provider), Html.escape(service), LONG_DATE.format(LondonTime.today(clock)),
                Html.escape(addresseeName), Html.escape(addressLines).replace("\n", "<br/>"), Html.escape(addresseeName), opening,
                Html.escape(reasonInWords), decline.note() == null ? ""
                        : "<p>" + Html.escape(decline.note()).replace("\n", "<br/>") + "</p>", Html.escape(provider),
                Html.escape(manager), Html.escape(commissioner));
        audit.record("letter", "referral", referralId.toString(), "{\"letter\":\"decline\"}");
        return html;
    }

    @Transactional
    public byte[] pdf(UUID referralId) {
        String html = html(referralId);
        return PdfRenderer.render(html, "the letter");
    }

    /** The first person the form names among its declared letter recipients, or empty for the referred person. */
    private static Map<String, Object> recipient(InstalledPlugin module, ReferralView referral) {
        List<String> pointers = module.forms().stream()
                .filter(f -> f.code().equals(referral.formCode()) && referral.formVersion() != null
                        && f.version() == referral.formVersion())
                .findFirst().map(f -> f.definition().letterRecipients()).orElse(List.of());
        com.fasterxml.jackson.databind.JsonNode data = org.carespec.platform.json.Json.toTree(referral.data());
        for (String pointer : pointers) {
            com.fasterxml.jackson.databind.JsonNode who = data.at(pointer);
            if (who.isObject() && who.path("name").isTextual() && !who.path("name").asText().isBlank()) {
                return org.carespec.platform.json.Json.toMap(who.toString());
            }
        }
        return Map.of();
    }

    private String organisationName(UUID organisation) {
        return organisations.find(organisation).map(Organisation::name).orElse("");
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

}
