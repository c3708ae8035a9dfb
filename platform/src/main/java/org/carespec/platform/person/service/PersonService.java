package org.carespec.platform.person.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.domain.Equality;
import org.carespec.platform.person.domain.NhsNumber;
import org.carespec.platform.person.domain.Postcode;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.Role;

/**
 * People's records, owned by the provider organisation that works with them: another provider, even in the same
 * tenant, is told they do not exist. Reading a record leaves an audit event.
 */
@Singleton
public class PersonService {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String COMMUNICATION_NEEDS = "person.communication_needs";

    private final Sql sql;
    private final CaseworkAccess access;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public PersonService(Sql sql, CaseworkAccess access, FieldCipher cipher, AuditLog audit, Idempotency idempotency,
                         Clock clock) {
        this.sql = sql;
        this.access = access;
        this.cipher = cipher;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public PersonView create(PersonCommand command, String idempotencyKey) {
        Caller caller = access.caller();
        return idempotency.once(idempotencyKey, "person", command, () -> insert(caller, command.asChange()),
                this::written);
    }

    private UUID insert(Caller caller, PersonChange c) {
        Clean clean = clean(c, null);
        UUID id = Ids.newId();
        rejectDuplicateNhsNumber(caller, clean.nhsNumber(), null);
        sql.update("""
                insert into person (tenant_id, id, provider_id, given_name, family_name, date_of_birth, nhs_number,
                    postcode, address, phone, email, gp_practice, local_authority_code, preferred_language,
                    interpreter_needed, communication_needs_enc, equality)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                Arrays.asList(caller.requireTenant(), id, caller.requireOrganisation(), c.givenName().trim(), c.familyName().trim(),
                        c.dateOfBirth(), clean.nhsNumber(), clean.postcode(), blankToNull(c.address()),
                        blankToNull(c.phone()), blankToNull(c.email()), blankToNull(c.gpPractice()),
                        blankToNull(c.localAuthorityCode()), blankToNull(c.preferredLanguage()), c.interpreterNeeded(),
                        cipher.encrypt(blankToNull(c.communicationNeeds()),
                                FieldContext.of(caller.requireTenant(), COMMUNICATION_NEEDS, id)),
                        Json.write(c.equality() == null ? Equality.none() : c.equality())));
        return id;
    }

    @Transactional
    public PersonView update(UUID id, PersonChange c) {
        Caller caller = access.caller();
        PersonView current = find(caller, id).orElseThrow(() -> new NotFoundException("Person " + id));
        Clean clean = clean(c, current);
        if (c.givenName() != null && c.givenName().isBlank()) {
            throw InvalidRequestException.of("givenName", "must not be blank");
        }
        if (c.familyName() != null && c.familyName().isBlank()) {
            throw InvalidRequestException.of("familyName", "must not be blank");
        }
        rejectDuplicateNhsNumber(caller, clean.nhsNumber(), id);
        String needs = c.communicationNeeds() != null ? blankToNull(c.communicationNeeds()) : current.communicationNeeds();
        sql.update("""
                update person set given_name = ?, family_name = ?, date_of_birth = ?, nhs_number = ?, postcode = ?,
                    address = ?, phone = ?, email = ?, gp_practice = ?, local_authority_code = ?, preferred_language = ?,
                    interpreter_needed = ?,
                    communication_needs_enc = ?, equality = cast(? as jsonb), updated_at = now()
                where tenant_id = ? and id = ? and provider_id = ?""",
                Arrays.asList(pick(c.givenName(), current.givenName()), pick(c.familyName(), current.familyName()),
                        c.dateOfBirth() != null ? c.dateOfBirth() : current.dateOfBirth(), clean.nhsNumber(),
                        clean.postcode(), pick(c.address(), current.address()), pick(c.phone(), current.phone()),
                        pick(c.email(), current.email()), pick(c.gpPractice(), current.gpPractice()),
                        pick(c.localAuthorityCode(), current.localAuthorityCode()),
                        pick(c.preferredLanguage(), current.preferredLanguage()),
                        c.interpreterNeeded() != null ? c.interpreterNeeded() : current.interpreterNeeded(),
                        cipher.encrypt(needs, FieldContext.of(caller.requireTenant(), COMMUNICATION_NEEDS, id)),
                        Json.write(c.equality() != null ? c.equality() : current.equality()),
                        caller.requireTenant(), id, caller.requireOrganisation()));
        return written(id);
    }

    /** The record just written, given back to its writer: the write is in the trail already, so no read event. */
    private PersonView written(UUID id) {
        return find(access.caller(), id).orElseThrow(() -> new NotFoundException("Person " + id));
    }

    /** A person's full record; the read is audited. */
    @Transactional
    public PersonView get(UUID id) {
        Caller caller = access.caller();
        PersonView person = find(caller, id).orElseThrow(() -> new NotFoundException("Person " + id));
        audit.recordRead("person", id);
        return person;
    }

    /** The caller's organisation's people, by name; volunteers get names only. */
    @Transactional
    public Page<PersonListItem> list(String nameContains, PageRequest page) {
        Caller caller = access.caller();
        boolean namesOnly = !caller.hasAny(Role.PROVIDER_MANAGER, Role.PRACTITIONER);
        String where = " where tenant_id = ? and provider_id = ?";
        List<Object> parameters = new ArrayList<>(List.of(caller.requireTenant(), caller.requireOrganisation()));
        if (nameContains != null && !nameContains.isBlank()) {
            where += " and (given_name || ' ' || family_name) ilike ?";
            parameters.add("%" + nameContains.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        return sql.page("select count(*) from person" + where, "select id, given_name, family_name, date_of_birth,"
                + " postcode from person" + where + " order by family_name, given_name, id", parameters, page, rs ->
                new PersonListItem(Sql.uuid(rs, "id"), rs.getString("given_name"), rs.getString("family_name"),
                        namesOnly ? null : rs.getObject("date_of_birth", LocalDate.class),
                        namesOnly ? null : rs.getString("postcode")));
    }

    @Transactional
    public PersonView relate(UUID id, RelationshipCommand command) {
        Caller caller = access.caller();
        requireOwn(caller, id, "id");
        requireOwn(caller, command.relatedPersonId(), "relatedPersonId");
        if (id.equals(command.relatedPersonId())) {
            throw InvalidRequestException.of("relatedPersonId", "must be another person");
        }
        int added = sql.update("insert into person_relationship (tenant_id, id, person_id, related_person_id, kind)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing", List.of(caller.requireTenant(), Ids.newId(), id,
                command.relatedPersonId(), command.kind().name()));
        if (added == 0) {
            throw new ConflictException("These two people are already related that way.");
        }
        return written(id);
    }

    /** Fails with 400 on {@code field} unless the person belongs to the caller's organisation. */
    @Transactional
    public void requireOwn(Caller caller, UUID person, String field) {
        boolean own = sql.count("select count(*) from person where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), person, caller.requireOrganisation())) == 1;
        if (!own) {
            if ("id".equals(field)) {
                throw new NotFoundException("Person " + person);
            }
            throw InvalidRequestException.of(field, "is not a person your organisation works with");
        }
    }

    private Optional<PersonView> find(Caller caller, UUID id) {
        Optional<PersonView> person = sql.one("select * from person where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> view(caller, rs, relationships(caller, id)));
        return person;
    }

    private List<PersonView.RelationshipView> relationships(Caller caller, UUID id) {
        return sql.list("""
                select r.id, case when r.person_id = ? then r.kind else
                         case r.kind when 'CARER_OF' then 'CARED_FOR_BY' when 'PARENT_OF' then 'CHILD_OF'
                                      else 'NEXT_OF_KIN_OF' end end as relationship,
                       o.id as other_id, o.given_name || ' ' || o.family_name as other_name
                from person_relationship r
                join person o on o.tenant_id = r.tenant_id
                 and o.id = case when r.person_id = ? then r.related_person_id else r.person_id end
                where r.tenant_id = ? and (r.person_id = ? or r.related_person_id = ?) and o.provider_id = ?
                order by r.created_at""", List.of(id, id, caller.requireTenant(), id, id, caller.requireOrganisation()),
                rs -> new PersonView.RelationshipView(Sql.uuid(rs, "id"), rs.getString("relationship"),
                        Sql.uuid(rs, "other_id"), rs.getString("other_name")));
    }

    private PersonView view(Caller caller, ResultSet rs, List<PersonView.RelationshipView> relationships)
            throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        Integer age = born == null ? null : Period.between(born, LocalDate.now(clock.withZone(LONDON))).getYears();
        Map<String, Object> equality = Json.toMap(rs.getString("equality"));
        return new PersonView(id, rs.getString("given_name"), rs.getString("family_name"), born, age,
                rs.getString("nhs_number"), rs.getString("postcode"), rs.getString("address"), rs.getString("phone"),
                rs.getString("email"), rs.getString("gp_practice"), rs.getString("local_authority_code"),
                rs.getString("preferred_language"),
                (Boolean) rs.getObject("interpreter_needed"),
                cipher.decrypt(rs.getBytes("communication_needs_enc"),
                        FieldContext.of(caller.requireTenant(), COMMUNICATION_NEEDS, id)),
                Json.convert(equality, Equality.class), relationships, Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private void rejectDuplicateNhsNumber(Caller caller, String nhsNumber, UUID except) {
        if (nhsNumber == null) {
            return;
        }
        long others = sql.count("select count(*) from person where tenant_id = ? and provider_id = ? and nhs_number = ?"
                + (except == null ? "" : " and id <> ?"), except == null
                ? List.of(caller.requireTenant(), caller.requireOrganisation(), nhsNumber)
                : List.of(caller.requireTenant(), caller.requireOrganisation(), nhsNumber, except));
        if (others > 0) {
            throw new ConflictException("Your organisation already has a person with this NHS number.");
        }
    }

    private static Clean clean(PersonChange c, PersonView current) {
        List<FieldError> errors = new ArrayList<>();
        String nhs = current == null ? null : current.nhsNumber();
        if (c.nhsNumber() != null) {
            if (c.nhsNumber().isBlank()) {
                nhs = null;
            } else {
                Optional<String> valid = NhsNumber.normalise(c.nhsNumber());
                if (valid.isEmpty()) {
                    errors.add(new FieldError("nhsNumber", "is not a valid NHS number (10 digits with a Modulus 11"
                            + " check digit)"));
                }
                nhs = valid.orElse(null);
            }
        }
        String postcode = current == null ? null : current.postcode();
        if (c.postcode() != null) {
            if (c.postcode().isBlank()) {
                postcode = null;
            } else {
                Optional<String> valid = Postcode.normalise(c.postcode());
                if (valid.isEmpty()) {
                    errors.add(new FieldError("postcode", "is not a UK postcode"));
                }
                postcode = valid.orElse(null);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Clean(nhs, postcode);
    }

    private static String pick(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private record Clean(String nhsNumber, String postcode) {
    }
}
