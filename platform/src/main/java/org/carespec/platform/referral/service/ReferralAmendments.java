package org.carespec.platform.referral.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledForm;
import org.carespec.platform.plugin.SensitiveSplit;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRepository.PersonFactsRow;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.RelatedPersonFacts;

/**
 * Amends a referral's form data and runs the module's eligibility and priority rules again, keeping every verdict with
 * its time, author and reason (002 §4.9: a self-referral's caring role confirmed at first contact; 000 §3.2: a crisis
 * that arises later). The referral's clocks are recomputed, so a clock that applies only at a priority follows it.
 */
@Singleton
public class ReferralAmendments {

    private final ReferralRepository referrals;
    private final ReferralAssessor assessor;
    private final ReferralForms forms;
    private final ReferralEvents events;
    private final ReferralReader reader;
    private final CaseworkAccess access;
    private final FieldCipher cipher;

    public ReferralAmendments(ReferralRepository referrals, ReferralAssessor assessor, ReferralForms forms,
                              ReferralEvents events, ReferralReader reader, CaseworkAccess access, FieldCipher cipher) {
        this.referrals = referrals;
        this.assessor = assessor;
        this.forms = forms;
        this.events = events;
        this.reader = reader;
        this.access = access;
        this.cipher = cipher;
    }

    @Transactional
    public ReferralView amend(UUID id, ReferralAmendment change) {
        Caller caller = access.caller();
        UUID tenant = caller.requireTenant();
        ReferralRow r = ReferralReader.own(caller, referrals.lock(tenant, id).orElse(null), id);
        if (r.status() == ReferralStatus.DECLINED || r.status() == ReferralStatus.CLOSED) {
            throw new ConflictException("The referral is " + r.status() + "; its form can no longer be amended");
        }
        CaseContract contract = access.ownContract(r.contractId());
        ObjectNode data = Json.toTree(change.data());
        Optional<InstalledForm> form = forms.checked(tenant, contract, r.source(), data);
        Map<String, Object> submitted = Json.toMap(data);
        PersonFactsRow subject = facts(caller, r.personId());
        List<RelatedPersonFacts> related = new ArrayList<>();
        for (Map.Entry<UUID, String> other : referrals.related(tenant, id)) {
            PersonFactsRow f = facts(caller, other.getKey());
            related.add(ReferralAssessor.Related.of(other.getValue(), f));
        }
        Assessment assessment = assessor.assess(contract.module(), new ReferralAssessor.Facts(r.receivedOn(),
                r.source(), JsonView.of(submitted), subject, List.copyOf(related), contract.contract().terms(),
                contract.contract().specificationPart()));
        SensitiveSplit split = form.map(f -> f.split(submitted)).orElseGet(() -> new SensitiveSplit(submitted, null));
        byte[] sensitive = split.sensitive() == null ? null : cipher.encrypt(Json.write(split.sensitive()),
                FieldContext.of(tenant, ReferralReader.SENSITIVE_DATA, id));
        ReferralRow updated = referrals.updateAssessment(tenant, id, form.map(InstalledForm::code).orElse(null),
                form.map(InstalledForm::version).orElse(null), Json.write(split.plain()), sensitive,
                assessment.eligible(), assessment.priority(), Json.write(assessment));
        referrals.insertAssessment(tenant, id, caller.actor(), change.reason().strip(), assessment.eligible(),
                assessment.priority(), Json.write(assessment));
        events.refreshClocks(caller, updated, contract);
        return reader.get(id);
    }

    /** Every verdict on the referral, the one it was received with first. */
    @Transactional
    public List<AssessmentView> assessments(UUID id) {
        Caller caller = access.caller();
        UUID tenant = caller.requireTenant();
        ReferralReader.own(caller, referrals.find(tenant, id).orElse(null), id);
        return referrals.assessments(tenant, id, rs -> new AssessmentView(rs.getInt("seq"),
                Sql.instant(rs, "assessed_at"), rs.getString("assessed_by"), rs.getString("reason"),
                rs.getBoolean("eligible"), Priority.valueOf(rs.getString("priority")),
                Json.convert(Json.parse(rs.getString("assessment")), Assessment.class)));
    }

    private PersonFactsRow facts(Caller caller, UUID person) {
        return referrals.personFacts(caller.requireTenant(), caller.requireOrganisation(), person)
                .orElseThrow(() -> new NotFoundException("Person " + person));
    }
}
