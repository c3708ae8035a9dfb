package org.carespec.platform.group.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
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
import org.carespec.platform.workforce.service.WorkerService;
import org.carespec.plugin.api.Role;
import org.carespec.plugin.api.codes.CodeLists;

/** Group sessions of a contract and their attendance. */
@Singleton
public class GroupSessionService {

    static final String NOTES = "group_session.notes";

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final WorkerService workers;
    private final FieldCipher cipher;
    private final Idempotency idempotency;

    public GroupSessionService(Sql sql, CaseworkAccess access, PersonService people, WorkerService workers,
                               FieldCipher cipher, Idempotency idempotency) {
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.workers = workers;
        this.cipher = cipher;
        this.idempotency = idempotency;
    }

    @Transactional
    public GroupSessionView create(UUID contractId, GroupCommands.NewSession c, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "group-session:" + contractId, c, () -> {
            contract.module().codeList(CodeLists.GROUP_TYPE).ifPresentOrElse(list -> {
                if (!list.contains(c.type())) {
                    throw InvalidRequestException.of("type", "must be one of: "
                            + String.join(", ", list.codes().stream().map(x -> x.code()).toList()));
                }
            }, () -> {
                throw InvalidRequestException.of("type", "this module defines no group types");
            });
            List<UUID> facilitators = c.facilitatorIds() == null ? List.of()
                    : List.copyOf(new LinkedHashSet<>(c.facilitatorIds()));
            for (int i = 0; i < facilitators.size(); i++) {
                workers.checkAssignment(contract, facilitators.get(i), c.type(), c.heldOn(),
                        "facilitatorIds[" + i + "]", null);
            }
            UUID id = Ids.newId();
            sql.update("""
                    insert into group_session (tenant_id, id, contract_id, provider_id, type, title, held_on, place,
                        facilitator_ids, notes_enc) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Arrays.asList(caller.requireTenant(), id, contractId, caller.requireOrganisation(), c.type(), c.title(),
                            c.heldOn(), c.place(), facilitators.toArray(new UUID[0]),
                            cipher.encrypt(c.notes(), FieldContext.of(caller.requireTenant(), NOTES, id))));
            return id;
        }, this::get);
    }

    @Transactional
    public GroupSessionView recordAttendance(UUID sessionId, GroupCommands.Attendance c) {
        Caller caller = access.caller();
        get(sessionId);
        if (c.personIds() == null && c.headcounts() == null) {
            // An empty body must not silently wipe what was recorded; clearing takes explicit empty lists.
            throw InvalidRequestException.of("personIds", "give personIds, headcounts or both (empty lists clear them)");
        }
        List<UUID> attendees = c.personIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(c.personIds()));
        for (int i = 0; i < attendees.size(); i++) {
            people.requireOwn(caller, attendees.get(i), "personIds[" + i + "]");
        }
        List<String> categories = new ArrayList<>();
        if (c.headcounts() != null) {
            for (int i = 0; i < c.headcounts().size(); i++) {
                String category = c.headcounts().get(i).category().trim();
                if (categories.contains(category)) {
                    throw InvalidRequestException.of("headcounts[" + i + "].category", "is given twice");
                }
                categories.add(category);
            }
        }
        sql.update("delete from group_attendance where tenant_id = ? and session_id = ?",
                List.of(caller.requireTenant(), sessionId));
        sql.update("delete from group_headcount where tenant_id = ? and session_id = ?",
                List.of(caller.requireTenant(), sessionId));
        for (UUID person : attendees) {
            sql.update("insert into group_attendance (tenant_id, session_id, person_id) values (?, ?, ?)",
                    List.of(caller.requireTenant(), sessionId, person));
        }
        if (c.headcounts() != null) {
            for (GroupCommands.Headcount h : c.headcounts()) {
                sql.update("insert into group_headcount (tenant_id, session_id, category, count) values (?, ?, ?, ?)",
                        List.of(caller.requireTenant(), sessionId, h.category().trim(), h.count()));
            }
        }
        return get(sessionId);
    }

    @Transactional
    public GroupSessionView get(UUID id) {
        Caller caller = access.caller();
        boolean volunteer = !caller.hasAny(Role.PROVIDER_MANAGER, Role.PRACTITIONER);
        return sql.one("select * from group_session where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs, volunteer))
                .orElseThrow(() -> new NotFoundException("Group session " + id));
    }

    @Transactional
    public Page<GroupSessionView> list(UUID contractId, LocalDate from, LocalDate to, PageRequest page) {
        Caller caller = access.caller();
        boolean volunteer = !caller.hasAny(Role.PROVIDER_MANAGER, Role.PRACTITIONER);
        StringBuilder where = new StringBuilder(" where tenant_id = ? and provider_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant(), caller.requireOrganisation()));
        if (contractId != null) {
            where.append(" and contract_id = ?");
            parameters.add(contractId);
        }
        if (from != null) {
            where.append(" and held_on >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" and held_on <= ?");
            parameters.add(to);
        }
        return sql.page("select count(*) from group_session" + where, "select * from group_session" + where
                + " order by held_on desc, id", parameters, page, rs -> view(caller, rs, volunteer));
    }

    private GroupSessionView view(Caller caller, ResultSet rs, boolean volunteer) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        Array facilitatorArray = rs.getArray("facilitator_ids");
        List<UUID> facilitators = facilitatorArray == null ? List.of() : Arrays.asList((UUID[]) facilitatorArray.getArray());
        List<GroupSessionView.Attendee> attendees = sql.list("""
                select a.person_id, p.given_name || ' ' || p.family_name as name from group_attendance a
                join person p on p.tenant_id = a.tenant_id and p.id = a.person_id
                where a.tenant_id = ? and a.session_id = ? order by p.family_name, p.given_name""",
                List.of(caller.requireTenant(), id), r -> new GroupSessionView.Attendee(Sql.uuid(r, "person_id"),
                        r.getString("name")));
        List<GroupCommands.Headcount> headcounts = sql.list("select category, count from group_headcount"
                + " where tenant_id = ? and session_id = ? order by category", List.of(caller.requireTenant(), id),
                r -> new GroupCommands.Headcount(r.getString(1), r.getInt(2)));
        int total = attendees.size() + headcounts.stream().mapToInt(GroupCommands.Headcount::count).sum();
        String notes = volunteer ? null
                : cipher.decrypt(rs.getBytes("notes_enc"), FieldContext.of(caller.requireTenant(), NOTES, id));
        return new GroupSessionView(id, Sql.uuid(rs, "contract_id"), rs.getString("type"), rs.getString("title"),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), facilitators, notes, attendees,
                headcounts, total);
    }
}
