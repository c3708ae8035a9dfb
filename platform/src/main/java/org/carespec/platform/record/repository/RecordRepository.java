package org.carespec.platform.record.repository;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;

/** The SQL of records, their links and their earlier revisions. Every query names the tenant and the provider. */
@Singleton
public class RecordRepository {

    private final Sql sql;

    public RecordRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(UUID tenant, RecordRow r) {
        sql.update("""
                insert into record (tenant_id, id, contract_id, provider_id, type_code, type_version, person_id,
                    referral_id, status, status_on, data, sensitive_enc, sealed_as, recorded_on, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""",
                Arrays.asList(tenant, r.id(), r.contractId(), r.providerId(), r.typeCode(), r.typeVersion(),
                        r.personId(), r.referralId(), r.status(), r.statusOn(), r.data(), r.sensitive(), r.sealedAs(),
                        r.recordedOn(), r.recordedBy()));
    }

    /** The provider's record, optionally locked for a change. */
    public Optional<RecordRow> find(UUID tenant, UUID provider, UUID id, boolean forUpdate) {
        return sql.one("select * from record where tenant_id = ? and id = ? and provider_id = ?"
                + (forUpdate ? " for update" : ""), List.of(tenant, id, provider), RecordRow::read);
    }

    /** Keeps the record's state before a change as its revision {@code revision}. */
    public void keepRevision(UUID tenant, RecordRow before, Map<String, UUID> links, String changedBy) {
        sql.update("""
                insert into record_revision (tenant_id, record_id, revision, status, status_on, data, sensitive_enc,
                    sealed_as, links, changed_by)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?)""",
                Arrays.asList(tenant, before.id(), before.revision(), before.status(), before.statusOn(), before.data(),
                        before.sensitive(), before.sealedAs(), org.carespec.platform.json.Json.write(links),
                        changedBy));
    }

    public void updateData(UUID tenant, RecordRow after) {
        sql.update("""
                update record set type_version = ?, data = cast(? as jsonb), sensitive_enc = ?, sealed_as = ?,
                    recorded_on = ?, revision = revision + 1, updated_at = now()
                where tenant_id = ? and id = ?""",
                Arrays.asList(after.typeVersion(), after.data(), after.sensitive(), after.sealedAs(),
                        after.recordedOn(), tenant, after.id()));
    }

    public void updateStatus(UUID tenant, UUID id, String status, LocalDate on) {
        sql.update("update record set status = ?, status_on = ?, revision = revision + 1, updated_at = now()"
                + " where tenant_id = ? and id = ?", List.of(status, on, tenant, id));
    }

    public void replaceLinks(UUID tenant, UUID contract, UUID record, Map<String, UUID> links) {
        sql.update("delete from record_link where tenant_id = ? and record_id = ?", List.of(tenant, record));
        for (Map.Entry<String, UUID> link : links.entrySet()) {
            sql.update("insert into record_link (tenant_id, record_id, name, target_id, contract_id)"
                    + " values (?, ?, ?, ?, ?)", List.of(tenant, record, link.getKey(), link.getValue(), contract));
        }
    }

    /** The links of each record, by name. */
    public Map<UUID, Map<String, UUID>> links(UUID tenant, List<UUID> records) {
        Map<UUID, Map<String, UUID>> links = new LinkedHashMap<>();
        if (records.isEmpty()) {
            return links;
        }
        sql.list("select record_id, name, target_id from record_link where tenant_id = ? and record_id = any(?)"
                        + " order by name", List.of(tenant, records.toArray(new UUID[0])),
                rs -> {
                    links.computeIfAbsent(Sql.uuid(rs, "record_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("name"), Sql.uuid(rs, "target_id"));
                    return null;
                });
        return links;
    }

    /** The type of a record of the contract, if it exists: what a link may point at. */
    public Optional<String> typeInContract(UUID tenant, UUID contract, UUID id) {
        return sql.one("select type_code from record where tenant_id = ? and contract_id = ? and id = ?",
                List.of(tenant, contract, id), rs -> rs.getString(1));
    }

    /** A contract's records of a type, newest first, with the filters a list takes. */
    public Page<RecordRow> page(UUID tenant, UUID provider, RecordFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where tenant_id = ? and provider_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant, provider));
        if (f.contractId() != null) {
            where.append(" and contract_id = ?");
            parameters.add(f.contractId());
        }
        if (f.typeCode() != null) {
            where.append(" and type_code = ?");
            parameters.add(f.typeCode());
        }
        if (f.personId() != null) {
            where.append(" and person_id = ?");
            parameters.add(f.personId());
        }
        if (f.referralId() != null) {
            where.append(" and referral_id = ?");
            parameters.add(f.referralId());
        }
        if (f.status() != null) {
            where.append(" and status = ?");
            parameters.add(f.status());
        }
        if (f.from() != null) {
            where.append(" and recorded_on >= ?");
            parameters.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and recorded_on <= ?");
            parameters.add(f.to());
        }
        return sql.page("select count(*) from record" + where, "select * from record" + where
                + " order by recorded_on desc, created_at desc, id", parameters, page, RecordRow::read);
    }
}
