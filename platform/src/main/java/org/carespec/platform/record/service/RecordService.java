package org.carespec.platform.record.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.codelist.service.ContractCodes;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.plugin.InstalledRecordType;
import org.carespec.platform.plugin.SensitiveSplit;
import org.carespec.platform.record.repository.RecordFilter;
import org.carespec.platform.record.repository.RecordRepository;
import org.carespec.platform.record.repository.RecordRow;
import org.carespec.platform.referral.service.ReferralCases;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.record.Lifecycle;
import org.carespec.plugin.api.record.RecordLink;
import org.carespec.plugin.api.record.Subject;
import org.carespec.plugin.api.rules.GuardedActions;

/**
 * Records of the types modules declare: made, amended, moved through their lifecycle and read by the contract's
 * provider, by the same rules for every module. Data is checked against the type's schema and code lists, sensitive
 * fields are encrypted, each change keeps the state before it as a revision, a read of a record about a person is
 * audited, and a record on a referral starts or stops its clocks.
 */
@Singleton
public class RecordService {

    /** The field name sensitive data is sealed under (FieldCipher's associated data). */
    static final String SENSITIVE = "record.data";

    private final RecordRepository records;
    private final CaseworkAccess access;
    private final PersonService people;
    private final ReferralCases referrals;
    private final ContractCodes codes;
    private final ActionGuard guard;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public RecordService(RecordRepository records, CaseworkAccess access, PersonService people,
                         ReferralCases referrals, ContractCodes codes, ActionGuard guard, FieldCipher cipher,
                         AuditLog audit, Idempotency idempotency, Clock clock) {
        this.records = records;
        this.access = access;
        this.people = people;
        this.referrals = referrals;
        this.codes = codes;
        this.guard = guard;
        this.cipher = cipher;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public RecordView create(UUID contractId, String typeCode, RecordCommand c, String idempotencyKey) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        return idempotency.once(idempotencyKey, "record:" + contractId + ":" + typeCode, c, () -> {
            UUID tenant = caller.requireTenant();
            InstalledRecordType type = type(contract, typeCode);
            checkSubject(caller, contract, type, c.personId(), c.referralId());
            ObjectNode data = checkedData(tenant, contract, type, c.data());
            refuseRestricted(caller, contract, type, c.data());
            Map<String, UUID> links = checkedLinks(tenant, contract, type, c.links());
            LocalDate on = c.recordedOn() == null ? LondonTime.today(clock) : inRange(c.recordedOn(), "recordedOn");
            guard.check(contract, GuardedActions.CREATE_RECORD, tenant, c.personId(),
                    JsonView.of(Map.of("type", typeCode, "data", Json.toMap(data))));
            UUID id = Ids.newId();
            Lifecycle lifecycle = type.definition().lifecycle();
            SensitiveSplit split = type.split(Json.toMap(data));
            records.insert(tenant, new RecordRow(id, contractId, contract.contract().providerId(), type.code(),
                    type.version(), c.personId(), c.referralId(), lifecycle == null ? null : lifecycle.initial(),
                    lifecycle == null ? null : on, Json.write(split.plain()), seal(tenant, id, split), SENSITIVE, on,
                    caller.actor(), 1, null, null));
            records.replaceLinks(tenant, contractId, id, links);
            if (c.referralId() != null) {
                referrals.refreshClocks(c.referralId());
            }
            return id;
        }, this::read);
    }

    /** A record of the caller's provider; a read of a record about a person is audited. */
    @Transactional
    public RecordView get(UUID id) {
        Caller caller = access.caller();
        RecordRow row = own(caller, id, false);
        if (row.personId() != null) {
            audit.recordRead("record", id);
        }
        return view(caller.requireTenant(), row, records.links(caller.requireTenant(), List.of(id))
                .getOrDefault(id, Map.of()), new java.util.HashMap<>());
    }

    private RecordView read(UUID id) {
        Caller caller = access.caller();
        RecordRow row = own(caller, id, false);
        return view(caller.requireTenant(), row, records.links(caller.requireTenant(), List.of(id))
                .getOrDefault(id, Map.of()), new java.util.HashMap<>());
    }

    /** A contract's records of one type, newest first; each record about a person that is listed is audited. */
    @Transactional
    public Page<RecordView> list(UUID contractId, String typeCode, RecordFilter filter, PageRequest page) {
        Caller caller = access.caller();
        CaseContract contract = access.ownContract(contractId);
        type(contract, typeCode);
        return page(caller, new RecordFilter(contractId, typeCode, filter.personId(), filter.referralId(),
                filter.status(), filter.from(), filter.to()), page);
    }

    /** A person's records of every type and contract of the caller's provider, newest first. */
    @Transactional
    public Page<RecordView> ofPerson(UUID personId, String typeCode, PageRequest page) {
        Caller caller = access.caller();
        people.requireOwn(caller, personId, "id");
        return page(caller, new RecordFilter(null, typeCode, personId, null, null, null, null), page);
    }

    private Page<RecordView> page(Caller caller, RecordFilter filter, PageRequest request) {
        UUID tenant = caller.requireTenant();
        Page<RecordRow> rows = records.page(tenant, caller.requireOrganisation(), filter, request);
        Map<UUID, Map<String, UUID>> links = records.links(tenant, rows.items().stream().map(RecordRow::id).toList());
        rows.items().stream().filter(r -> r.personId() != null).forEach(r -> audit.recordRead("record", r.id()));
        Map<UUID, CaseContract> contracts = new java.util.HashMap<>();
        return rows.map(r -> view(tenant, r, links.getOrDefault(r.id(), Map.of()), contracts));
    }

    /** Replaces the data (and links, when given) of a record, keeping what it was as a revision. */
    @Transactional
    public RecordView amend(UUID id, RecordChange change) {
        Caller caller = access.caller();
        UUID tenant = caller.requireTenant();
        RecordRow before = own(caller, id, true);
        if (before.revision() != change.revision()) {
            throw new ConflictException("The record has changed since revision " + change.revision()
                    + "; it is at revision " + before.revision() + ". Read it again and amend that.");
        }
        CaseContract contract = access.ownContract(before.contractId());
        InstalledRecordType type = type(contract, before.typeCode());
        refuseRestricted(caller, contract, type, change.data());
        // what the caller may not see, it cannot have meant to change: restricted values are kept as they were
        Map<String, Object> submitted = new java.util.LinkedHashMap<>(change.data());
        Map<String, Object> stored = decrypted(tenant, before);
        type.definition().restrictedFields().forEach((field, permission) -> {
            if (!contract.module().grants(permission, caller.roles()) && stored.containsKey(field)) {
                submitted.put(field, stored.get(field));
            }
        });
        ObjectNode data = checkedData(tenant, contract, type, submitted);
        Map<String, UUID> oldLinks = records.links(tenant, List.of(id)).getOrDefault(id, Map.of());
        Map<String, UUID> links = change.links() == null ? oldLinks
                : checkedLinks(tenant, contract, type, change.links());
        if (links.containsValue(id)) {
            throw InvalidRequestException.of("links", "a record cannot link to itself");
        }
        LocalDate on = change.recordedOn() == null ? before.recordedOn() : inRange(change.recordedOn(), "recordedOn");
        records.keepRevision(tenant, before, oldLinks, caller.actor());
        SensitiveSplit split = type.split(Json.toMap(data));
        records.updateData(tenant, new RecordRow(id, before.contractId(), before.providerId(), type.code(),
                type.version(), before.personId(), before.referralId(), before.status(), before.statusOn(),
                Json.write(split.plain()), seal(tenant, id, split), SENSITIVE, on, before.recordedBy(),
                before.revision(), before.createdAt(), null));
        if (change.links() != null) {
            records.replaceLinks(tenant, before.contractId(), id, links);
        }
        if (before.referralId() != null) {
            referrals.refreshClocks(before.referralId());
        }
        return read(id);
    }

    /** Moves a record through its type's lifecycle; a move the lifecycle does not allow is 409 naming the status. */
    @Transactional
    public RecordView move(UUID id, RecordMove move) {
        Caller caller = access.caller();
        UUID tenant = caller.requireTenant();
        RecordRow before = own(caller, id, true);
        CaseContract contract = access.ownContract(before.contractId());
        InstalledRecordType type = type(contract, before.typeCode());
        Lifecycle lifecycle = type.definition().lifecycle();
        if (lifecycle == null) {
            throw new ConflictException("A " + type.definition().title() + " record has no statuses to move through");
        }
        if (!lifecycle.statuses().contains(move.status())) {
            throw InvalidRequestException.of("status", "must be one of: " + String.join(", ", lifecycle.statuses()));
        }
        if (!lifecycle.allows(before.status(), move.status())) {
            List<String> allowed = new ArrayList<>(lifecycle.moves().getOrDefault(before.status(), java.util.Set.of()));
            throw new ConflictException("The record is " + before.status() + " and cannot move to " + move.status()
                    + (allowed.isEmpty() ? "; " + before.status() + " is final"
                    : "; from " + before.status() + " it may move to " + String.join(", ", allowed)));
        }
        LocalDate on = move.on() == null ? LondonTime.today(clock) : inRange(move.on(), "on");
        if (before.statusOn() != null && on.isBefore(before.statusOn())) {
            throw InvalidRequestException.of("on", "must not be before " + before.statusOn() + ", when the record"
                    + " became " + before.status());
        }
        Map<String, Object> data = Json.toMap(before.data());
        guard.check(contract, GuardedActions.MOVE_RECORD, tenant, before.personId(),
                JsonView.of(Map.of("type", type.code(), "from", before.status(), "to", move.status(), "data", data)));
        records.keepRevision(tenant, before, records.links(tenant, List.of(id)).getOrDefault(id, Map.of()),
                caller.actor());
        records.updateStatus(tenant, id, move.status(), on);
        if (before.referralId() != null) {
            referrals.refreshClocks(before.referralId());
        }
        return read(id);
    }

    private RecordRow own(Caller caller, UUID id, boolean forUpdate) {
        return records.find(caller.requireTenant(), caller.requireOrganisation(), id, forUpdate)
                .orElseThrow(() -> new NotFoundException("Record " + id));
    }

    /** A field restricted to a permission the caller does not hold may not be written by them: 403 naming it. */
    private static void refuseRestricted(Caller caller, CaseContract contract, InstalledRecordType type,
                                         Map<String, Object> data) {
        type.definition().restrictedFields().forEach((field, permission) -> {
            if (data.containsKey(field) && !contract.module().grants(permission, caller.roles())) {
                throw new ForbiddenException("data." + field + " needs the permission '" + permission + "' of module "
                        + contract.module().id() + ", which your role does not hold");
            }
        });
    }

    private Map<String, Object> decrypted(UUID tenant, RecordRow row) {
        Map<String, Object> data = Json.toMap(row.data());
        if (row.sensitive() != null) {
            data.putAll(Json.toMap(cipher.decrypt(row.sensitive(), FieldContext.of(tenant, row.sealedAs(), row.id()))));
        }
        return data;
    }

    private static InstalledRecordType type(CaseContract contract, String typeCode) {
        return contract.module().latestRecordType(typeCode).orElseThrow(() -> new NotFoundException(
                "Record type " + typeCode + " of module " + contract.module().id()));
    }

    private void checkSubject(Caller caller, CaseContract contract, InstalledRecordType type, UUID person,
                              UUID referral) {
        Subject subject = type.definition().subject();
        if (subject == Subject.PERSON && person == null) {
            throw InvalidRequestException.of("personId", "is required: a " + type.definition().title()
                    + " record is about a person");
        }
        if (subject == Subject.NONE && (person != null || referral != null)) {
            throw InvalidRequestException.of(person != null ? "personId" : "referralId", "must be left out: a "
                    + type.definition().title() + " record belongs to the contract, not to a person");
        }
        if (referral != null && person == null) {
            throw InvalidRequestException.of("personId", "is required with referralId");
        }
        if (person != null) {
            people.requireOwn(caller, person, "personId");
        }
        if (referral != null) {
            referrals.requireOf(referral, contract.id(), person, "referralId");
        }
    }

    private ObjectNode checkedData(UUID tenant, CaseContract contract, InstalledRecordType type,
                                   Map<String, Object> submitted) {
        ObjectNode data = Json.toTree(submitted);
        List<FieldError> errors = new ArrayList<>(type.schema().validate(data, "data"));
        errors.addAll(type.codeFields().check(data, "data", codes.checker(tenant, contract.id(), contract.module())));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return data;
    }

    /** Every declared required link present, no undeclared one, each to a record of the right type of the contract. */
    private Map<String, UUID> checkedLinks(UUID tenant, CaseContract contract, InstalledRecordType type,
                                           Map<String, UUID> given) {
        Map<String, UUID> links = given == null ? Map.of() : given;
        List<FieldError> errors = new ArrayList<>();
        for (RecordLink link : type.definition().links()) {
            if (link.required() && links.get(link.name()) == null) {
                errors.add(new FieldError("links." + link.name(), "is required: a " + type.definition().title()
                        + " record links to a " + link.targetType() + " record"));
            }
        }
        Map<String, UUID> checked = new LinkedHashMap<>();
        for (Map.Entry<String, UUID> entry : links.entrySet()) {
            String field = "links." + entry.getKey();
            var declared = type.link(entry.getKey());
            if (declared.isEmpty()) {
                errors.add(new FieldError(field, "is not a link of a " + type.definition().title() + " record"));
            } else if (entry.getValue() != null) {
                String target = records.typeInContract(tenant, contract.id(), entry.getValue()).orElse(null);
                if (!declared.get().targetType().equals(target)) {
                    errors.add(new FieldError(field, "must be the id of a " + declared.get().targetType()
                            + " record of this contract"));
                } else {
                    checked.put(entry.getKey(), entry.getValue());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return checked;
    }

    private static LocalDate inRange(LocalDate date, String field) {
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            throw InvalidRequestException.of(field, "must be between 1900 and 2100");
        }
        return date;
    }

    private byte[] seal(UUID tenant, UUID id, SensitiveSplit split) {
        return split.sensitive() == null ? null
                : cipher.encrypt(Json.write(split.sensitive()), FieldContext.of(tenant, SENSITIVE, id));
    }

    private RecordView view(UUID tenant, RecordRow row, Map<String, UUID> links, Map<UUID, CaseContract> contracts) {
        Map<String, Object> data = decrypted(tenant, row);
        CaseContract contract = contracts.computeIfAbsent(row.contractId(), access::ownContract);
        Caller caller = access.caller();
        contract.module().recordType(row.typeCode(), row.typeVersion()).ifPresent(t -> t.definition()
                .restrictedFields().forEach((field, permission) -> {
                    if (!contract.module().grants(permission, caller.roles())) {
                        data.remove(field);
                    }
                }));
        String title = contract.module().recordType(row.typeCode(), row.typeVersion())
                .map(t -> t.definition().title()).orElse(row.typeCode());
        return new RecordView(row.id(), row.contractId(), row.typeCode(), row.typeVersion(), title, row.personId(),
                row.referralId(), row.status(), row.statusOn(), row.recordedOn(), data, links, row.revision(),
                row.recordedBy(), row.createdAt(), row.updatedAt());
    }
}
