package org.carespec.platform.referral.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.codelist.service.ModuleCodes;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledForm;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.SensitiveSplit;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.referral.repository.ReferralRepository;
import org.carespec.platform.referral.repository.ReferralRepository.PersonFactsRow;
import org.carespec.platform.referral.repository.ReferralRow;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenant.service.TenantCalendar;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.rules.RelatedPersonFacts;

/**
 * Receives referrals: the module's form checked, its eligibility and priority rules run, its clocks started. A
 * referral belongs to the provider of its contract; nobody else can see it exists.
 */
@Singleton
public class ReferralIntake {

    private final ReferralRepository referrals;
    private final ReferralAssessor assessor;
    private final ReferralClocks clocks;
    private final ReferralReader reader;
    private final CaseworkAccess access;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final TenantCalendar calendars;
    private final ReferralForms forms;
    private final Clock clock;

    public ReferralIntake(ReferralRepository referrals, ReferralAssessor assessor, ReferralClocks clocks,
                          ReferralReader reader, CaseworkAccess access, FieldCipher cipher, Idempotency idempotency,
                          TenantCalendar calendars, ReferralForms forms, Clock clock) {
        this.referrals = referrals;
        this.assessor = assessor;
        this.clocks = clocks;
        this.reader = reader;
        this.access = access;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.calendars = calendars;
        this.forms = forms;
        this.clock = clock;
    }

    @Transactional
    public ReferralView create(UUID contractId, ReferralCommand command, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "referral:" + contractId, command,
                () -> receive(caller, contract, command), ReferralView::id, reader::get);
    }

    /**
     * Receives a referral and returns it as stored. This is the busiest write of the platform, so it reads each thing
     * once: the person's facts double as the ownership check, the clocks go in as one statement, and the answer is
     * built from what was just written rather than read back piece by piece.
     */
    private ReferralView receive(Caller caller, CaseContract contract, ReferralCommand command) {
        InstalledPlugin module = contract.module();
        UUID tenant = caller.requireTenant();
        PersonFactsRow subject = personFacts(caller, command.personId(), "personId");
        List<UUID> related = command.relatedPersonIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.relatedPersonIds()));
        for (int i = 0; i < related.size(); i++) {
            if (related.get(i).equals(command.personId())) {
                throw InvalidRequestException.of("relatedPersonIds[" + i + "]", "must be someone other than personId");
            }
        }
        // PostgreSQL keeps microseconds: the answer, built from what was written, must show what was stored.
        Instant receivedAt = LondonTime.happened(command.receivedAt(), "receivedAt", clock);
        ModuleCodes.require(module, forms.codes(tenant, contract), CodeLists.REFERRAL_SOURCE, command.source(),
                "source");
        ObjectNode data = Json.toTree(command.data());
        Optional<InstalledForm> form = forms.checked(tenant, contract, command.source(), data);
        UUID id = Ids.newId();
        LocalDate receivedOn = LondonTime.dateOf(receivedAt);
        JsonView settings = contract.contract().terms();
        List<RelatedPersonFacts> relatedFacts = new ArrayList<>();
        Map<UUID, String> relationships = new LinkedHashMap<>();
        for (int i = 0; i < related.size(); i++) {
            UUID other = related.get(i);
            PersonFactsRow facts = personFacts(caller, other, "relatedPersonIds[" + i + "]");
            String relationship = referrals.relationship(tenant, command.personId(), other);
            relationships.put(other, relationship);
            relatedFacts.add(ReferralAssessor.Related.of(relationship, facts));
        }
        Map<String, Object> submitted = Json.toMap(data);
        Assessment assessment = assessor.assess(module, new ReferralAssessor.Facts(receivedOn, command.source(),
                JsonView.of(submitted), subject, List.copyOf(relatedFacts), settings,
                contract.contract().specificationPart()));
        SensitiveSplit split = form.map(f -> f.split(submitted))
                .orElseGet(() -> new SensitiveSplit(submitted, null));
        byte[] sensitive = split.sensitive() == null ? null
                : cipher.encrypt(Json.write(split.sensitive()), FieldContext.of(tenant, ReferralReader.SENSITIVE_DATA,
                id));
        ReferralRow written = new ReferralRow(id, contract.id(), caller.requireOrganisation(), command.personId(),
                receivedAt, receivedOn, command.source(), ReferralStatus.RECEIVED, assessment.priority(),
                assessment.eligible(), Json.write(assessment), form.map(InstalledForm::code).orElse(null),
                form.map(InstalledForm::version).orElse(null), Json.write(split.plain()), sensitive, null, null, null,
                null, null, null, null, null);
        // The row is built from what was written (and the one value the database chose, created_at), not read back.
        ReferralRow row = written.withCreatedAt(referrals.insert(tenant, written));
        referrals.insertRelated(tenant, id, relationships);
        referrals.insertAssessment(tenant, id, caller.actor(), "Received", assessment.eligible(),
                assessment.priority(), Json.write(assessment));
        List<ClockCycle> started = clocks.start(tenant, row, contract.contract().specificationPart(), module.clocks(),
                settings, calendars.of(tenant));
        List<ReferralView.RelatedPerson> relatedViews = relationships.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .map(e -> new ReferralView.RelatedPerson(e.getKey(), e.getValue())).toList();
        return reader.view(caller, row, assessment, submitted, relatedViews, List.of(),
                ReferralClocks.views(started, module.clocks(), LondonTime.today(clock)), List.of());
    }

    /** What the rules may know of a person, who must be one of the caller's organisation's (else 400 on field). */
    private PersonFactsRow personFacts(Caller caller, UUID person, String field) {
        return referrals.personFacts(caller.requireTenant(), caller.requireOrganisation(), person)
                .orElseThrow(() -> InvalidRequestException.of(field, "is not a person your organisation works with"));
    }
}
