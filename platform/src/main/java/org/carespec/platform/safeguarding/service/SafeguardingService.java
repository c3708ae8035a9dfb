package org.carespec.platform.safeguarding.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.Role;

/**
 * Safeguarding concerns about children and adults (001 §1.2, 004 §5). Anyone working for the provider can raise one;
 * only the provider manager and the organisation's named safeguarding leads can read or act on them. Details and
 * actions are encrypted.
 */
@Singleton
public class SafeguardingService {

    static final String DETAILS = "safeguarding_concern.details";
    static final String ACTION = "safeguarding_concern.action_taken";

    public enum Category { PHYSICAL, EMOTIONAL, SEXUAL, NEGLECT, FINANCIAL, DOMESTIC, MODERN_SLAVERY, DISCRIMINATORY,
        ORGANISATIONAL, SELF_NEGLECT, OTHER }

    public enum Status { OPEN, CLOSED }

    @Serdeable
    public record NewConcern(@NotNull UUID aboutPersonId, @NotNull @PastOrPresent LocalDate raisedOn,
                             @NotNull Category category, @NotBlank @Size(max = 8000) String details,
                             @Nullable @Size(max = 8000) String actionTaken, boolean referredToLocalAuthority,
                             @Nullable @Size(max = 64) String localAuthorityReference) {
    }

    @Serdeable
    public record Change(@Nullable @Size(max = 8000) String actionTaken, @Nullable Boolean referredToLocalAuthority,
                         @Nullable @Size(max = 64) String localAuthorityReference, @Nullable Status status,
                         @Nullable LocalDate closedOn) {
    }

    /** What the person who raised a concern gets back: that it was recorded, not its contents. */
    @Serdeable
    public record Receipt(UUID id, Status status, LocalDate raisedOn) {
    }

    @Serdeable
    public record ConcernView(UUID id, UUID contractId, UUID aboutPersonId, String raisedBy, LocalDate raisedOn,
                              Category category, String details, @Nullable String actionTaken,
                              boolean referredToLocalAuthority,
                              @Nullable String localAuthorityReference, Status status, @Nullable LocalDate closedOn) {
    }

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final FieldCipher cipher;
    private final Idempotency idempotency;

    public SafeguardingService(Sql sql, CaseworkAccess access, PersonService people, FieldCipher cipher,
                               Idempotency idempotency) {
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.cipher = cipher;
        this.idempotency = idempotency;
    }

    @Transactional
    public Receipt raise(UUID contractId, NewConcern c, String idempotencyKey) {
        Caller caller = access.caller();
        access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "safeguarding:" + contractId, c, () -> {
            people.requireOwn(caller, c.aboutPersonId(), "aboutPersonId");
            UUID id = Ids.newId();
            sql.update("""
                    insert into safeguarding_concern (tenant_id, id, contract_id, provider_id, about_person_id,
                    raised_by,
                        raised_on, category, details_enc, action_taken_enc, referred_to_local_authority,
                        local_authority_reference, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                    Arrays.asList(caller.requireTenant(), id, contractId, caller.requireOrganisation(),
                    c.aboutPersonId(),
                            caller.actor(), c.raisedOn(), c.category().name(),
                            cipher.encrypt(c.details(), FieldContext.of(caller.requireTenant(), DETAILS, id)),
                            cipher.encrypt(c.actionTaken(), FieldContext.of(caller.requireTenant(), ACTION, id)),
                            c.referredToLocalAuthority(), c.localAuthorityReference()));
            return id;
        }, id -> new Receipt(id, Status.OPEN, c.raisedOn()));
    }

    @Transactional
    public ConcernView get(UUID id) {
        Caller caller = requireLead();
        return sql.one("select * from safeguarding_concern where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs))
                .orElseThrow(() -> new NotFoundException("Safeguarding concern " + id));
    }

    @Transactional
    public Page<ConcernView> list(Status status, PageRequest page) {
        Caller caller = requireLead();
        String where = " where tenant_id = ? and provider_id = ?" + (status == null ? "" : " and status = ?");
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant(), caller.requireOrganisation()));
        if (status != null) {
            parameters.add(status.name());
        }
        return sql.page("select count(*) from safeguarding_concern" + where, "select * from safeguarding_concern"
                + where + " order by raised_on desc, id", parameters, page, rs -> view(caller, rs));
    }

    @Transactional
    public ConcernView update(UUID id, Change c) {
        Caller caller = requireLead();
        ConcernView current = get(id);
        Status status = c.status() != null ? c.status() : current.status();
        LocalDate closedOn = status == Status.CLOSED ? (c.closedOn() != null ? c.closedOn() : current.closedOn()) : null;
        if (status == Status.CLOSED && closedOn == null) {
            throw InvalidRequestException.of("closedOn", "is required to close a concern");
        }
        if (closedOn != null && closedOn.isBefore(current.raisedOn())) {
            throw InvalidRequestException.of("closedOn", "must not be before the concern was raised");
        }
        sql.update("""
                update safeguarding_concern set action_taken_enc = ?, referred_to_local_authority = ?,
                    local_authority_reference = ?, status = ?, closed_on = ?, updated_at = now()
                where tenant_id = ? and id = ?""",
                Arrays.asList(cipher.encrypt(c.actionTaken() != null ? c.actionTaken() : current.actionTaken(),
                                FieldContext.of(caller.requireTenant(), ACTION, id)),
                        c.referredToLocalAuthority() != null ? c.referredToLocalAuthority()
                                : current.referredToLocalAuthority(),
                        c.localAuthorityReference() != null ? c.localAuthorityReference()
                                : current.localAuthorityReference(),
                        status.name(), closedOn, caller.requireTenant(), id));
        return get(id);
    }

    /** The provider manager, or a person the organisation has named as a safeguarding lead. */
    private Caller requireLead() {
        Caller caller = access.caller();
        if (caller.has(Role.PROVIDER_MANAGER)) {
            return caller;
        }
        boolean lead = caller.userId() != null && sql.one("select safeguarding_lead from membership"
                + " where tenant_id = ? and user_id = ?", List.of(caller.requireTenant(), caller.userId()),
                rs -> rs.getBoolean(1)).orElse(false);
        if (!lead) {
            throw new ForbiddenException("Only the provider manager and named safeguarding leads can see"
                    + " safeguarding concerns.");
        }
        return caller;
    }

    private ConcernView view(Caller caller, ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        return new ConcernView(id, Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "about_person_id"),
                rs.getString("raised_by"), rs.getObject("raised_on", LocalDate.class),
                Category.valueOf(rs.getString("category")),
                cipher.decrypt(rs.getBytes("details_enc"), FieldContext.of(caller.requireTenant(), DETAILS, id)),
                cipher.decrypt(rs.getBytes("action_taken_enc"), FieldContext.of(caller.requireTenant(), ACTION, id)),
                rs.getBoolean("referred_to_local_authority"), rs.getString("local_authority_reference"),
                Status.valueOf(rs.getString("status")), rs.getObject("closed_on", LocalDate.class));
    }
}
