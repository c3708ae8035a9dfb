package org.carespec.platform.feedback.service;

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
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.tenancy.Caller;

/**
 * Complaints, compliments and testimony (002 §5.4 counts complaints and compliments and asks for testimony). The
 * words are encrypted: they often say something about someone's health. {@code shareInReturn} marks testimony the
 * person agreed may go into a return.
 */
@Singleton
public class FeedbackService {

    static final String SUMMARY = "feedback.summary";

    public enum Kind { COMPLAINT, COMPLIMENT, TESTIMONY }

    public enum Status { OPEN, RESOLVED, WITHDRAWN }

    @Serdeable
    public record NewFeedback(@NotNull Kind kind, @NotNull @PastOrPresent LocalDate receivedOn,
                              @Nullable UUID personId, @NotBlank @Size(max = 4000) String summary,
                              @Nullable Status status, @Nullable LocalDate resolvedOn, boolean shareInReturn) {
    }

    @Serdeable
    public record FeedbackView(UUID id, UUID contractId, Kind kind, LocalDate receivedOn, @Nullable UUID personId,
                               String summary, Status status, @Nullable LocalDate resolvedOn, boolean shareInReturn) {
    }

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final FieldCipher cipher;
    private final Idempotency idempotency;

    public FeedbackService(Sql sql, CaseworkAccess access, PersonService people, FieldCipher cipher,
                           Idempotency idempotency) {
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.cipher = cipher;
        this.idempotency = idempotency;
    }

    @Transactional
    public FeedbackView record(UUID contractId, NewFeedback c, String idempotencyKey) {
        Caller caller = access.caller();
        access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "feedback:" + contractId, c, () -> {
            if (c.personId() != null) {
                people.requireOwn(caller, c.personId(), "personId");
            }
            Status status = c.status() != null ? c.status() : c.kind() == Kind.COMPLAINT ? Status.OPEN : Status.RESOLVED;
            if (c.resolvedOn() != null && c.resolvedOn().isBefore(c.receivedOn())) {
                throw InvalidRequestException.of("resolvedOn", "must not be before receivedOn");
            }
            UUID id = Ids.newId();
            sql.update("""
                    insert into feedback (tenant_id, id, contract_id, kind, received_on, person_id, summary_enc, status,
                        resolved_on, share_in_return) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Arrays.asList(caller.requireTenant(), id, contractId, c.kind().name(), c.receivedOn(), c.personId(),
                            cipher.encrypt(c.summary(), FieldContext.of(caller.requireTenant(), SUMMARY, id)),
                            status.name(),
                            c.resolvedOn(), c.shareInReturn()));
            return id;
        }, this::get);
    }

    @Transactional
    public FeedbackView get(UUID id) {
        Caller caller = access.caller();
        return sql.one("""
                select f.* from feedback f join contract c on c.tenant_id = f.tenant_id and c.id = f.contract_id
                where f.tenant_id = ? and f.id = ? and c.provider_id = ?""",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs))
                .orElseThrow(() -> new NotFoundException("Feedback " + id));
    }

    @Transactional
    public Page<FeedbackView> list(UUID contractId, Kind kind, PageRequest page) {
        Caller caller = access.caller();
        StringBuilder where = new StringBuilder(" from feedback f join contract c on c.tenant_id = f.tenant_id"
                + " and c.id = f.contract_id where f.tenant_id = ? and c.provider_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant(), caller.requireOrganisation()));
        if (contractId != null) {
            where.append(" and f.contract_id = ?");
            parameters.add(contractId);
        }
        if (kind != null) {
            where.append(" and f.kind = ?");
            parameters.add(kind.name());
        }
        return sql.page("select count(*)" + where, "select f.*" + where + " order by f.received_on desc, f.id",
                parameters, page, rs -> view(caller, rs));
    }

    private FeedbackView view(Caller caller, ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        return new FeedbackView(id, Sql.uuid(rs, "contract_id"), Kind.valueOf(rs.getString("kind")),
                rs.getObject("received_on", LocalDate.class), Sql.uuid(rs, "person_id"),
                cipher.decrypt(rs.getBytes("summary_enc"), FieldContext.of(caller.requireTenant(), SUMMARY, id)),
                Status.valueOf(rs.getString("status")), rs.getObject("resolved_on", LocalDate.class),
                rs.getBoolean("share_in_return"));
    }
}
