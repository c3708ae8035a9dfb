package org.carespec.platform.form.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plugin.InstalledForm;
import org.carespec.platform.referral.service.ReferralCases;
import org.carespec.platform.tenancy.Caller;

/**
 * Form submissions, validated against the newest version of the module's form and stored with that version. Fields
 * the module marks sensitive are encrypted. A submission on a referral can stop or start its clocks.
 */
@Singleton
public class FormSubmissionService {

    static final String SENSITIVE = "form_submission.data";

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final ReferralCases referrals;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final Clock clock;

    public FormSubmissionService(Sql sql, CaseworkAccess access, PersonService people, ReferralCases referrals,
                                 FieldCipher cipher, Idempotency idempotency, Clock clock) {
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.referrals = referrals;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public FormSubmissionView submit(UUID contractId, String formCode, FormSubmissionCommand c, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "form:" + contractId + ":" + formCode, c, () -> {
            InstalledForm form = contract.module().latestForm(formCode)
                    .orElseThrow(() -> new NotFoundException("Form " + formCode + " of module " + contract.module().id()));
            people.requireOwn(caller, c.personId(), "personId");
            if (c.referralId() != null) {
                referrals.requireOf(c.referralId(), contractId, c.personId(), "referralId");
            }
            ObjectNode data = Json.toTree(c.data());
            List<FieldError> errors = form.schema().validate(data, "data");
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            UUID id = Ids.newId();
            InstalledForm.Split split = form.split(Json.toMap(data));
            LocalDate on = c.submittedOn() == null ? LondonTime.today(clock) : c.submittedOn();
            sql.update("""
                    insert into form_submission (tenant_id, id, contract_id, person_id, referral_id, form_code,
                        form_version, data, sensitive_enc, submitted_on, submitted_by)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                    Arrays.asList(caller.requireTenant(), id, contractId, c.personId(), c.referralId(), form.code(),
                            form.version(), Json.write(split.plain()), split.sensitive() == null ? null
                                    : cipher.encrypt(Json.write(split.sensitive()),
                                    FieldContext.of(caller.requireTenant(), SENSITIVE, id)),
                            on, caller.actor()));
            if (c.referralId() != null) {
                referrals.refreshClocks(c.referralId());
            }
            return id;
        }, this::get);
    }

    @Transactional
    public FormSubmissionView get(UUID id) {
        Caller caller = access.caller();
        return sql.one("""
                select f.* from form_submission f join person p on p.tenant_id = f.tenant_id and p.id = f.person_id
                where f.tenant_id = ? and f.id = ? and p.provider_id = ?""",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs))
                .orElseThrow(() -> new NotFoundException("Form submission " + id));
    }

    /** A person's submissions, newest first, optionally of one form. */
    @Transactional
    public Page<FormSubmissionView> ofPerson(UUID personId, String formCode, PageRequest page) {
        Caller caller = access.caller();
        people.requireOwn(caller, personId, "id");
        String where = " where tenant_id = ? and person_id = ?" + (formCode == null ? "" : " and form_code = ?");
        List<Object> parameters = new java.util.ArrayList<>(List.of(caller.requireTenant(), personId));
        if (formCode != null) {
            parameters.add(formCode);
        }
        return sql.page("select count(*) from form_submission" + where, "select * from form_submission" + where
                + " order by submitted_on desc, created_at desc", parameters, page, rs -> view(caller, rs));
    }

    private FormSubmissionView view(Caller caller, ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        Map<String, Object> data = Json.toMap(rs.getString("data"));
        byte[] sensitive = rs.getBytes("sensitive_enc");
        if (sensitive != null) {
            data.putAll(Json.toMap(cipher.decrypt(sensitive, FieldContext.of(caller.requireTenant(), SENSITIVE, id))));
        }
        return new FormSubmissionView(id, Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "person_id"),
                Sql.uuid(rs, "referral_id"), rs.getString("form_code"), rs.getInt("form_version"),
                rs.getObject("submitted_on", LocalDate.class), data, rs.getString("submitted_by"),
                Sql.instant(rs, "created_at"));
    }
}
