package org.carespec.platform.returns.repository;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.json.Json;
import org.carespec.platform.returns.domain.ReturnSnapshot;
import org.carespec.platform.returns.domain.ReturnStatus;

/**
 * The one reader and writer of {@code return_version}: the submitted versions of a contract's returns, each a frozen
 * snapshot with its SHA-256, checked against the snapshot whenever it is read.
 */
@Singleton
public class ReturnVersions {

    private static final String COLUMNS = """
            id, period, version, status, submitted_at, submitted_by, snapshot::text as snapshot, snapshot_hash,
            snapshot_hash = encode(sha256(convert_to(snapshot::text, 'UTF8')), 'hex') as intact,
            decided_at, decided_by, comment""";

    private final Sql sql;

    public ReturnVersions(Sql sql) {
        this.sql = sql;
    }

    /** A version as stored; {@code intact} says whether the snapshot still matches its hash. */
    public record StoredVersion(UUID id, String period, int version, ReturnStatus status, Instant submittedAt,
                                String submittedBy, String snapshotJson, String hash, boolean intact,
                                Instant decidedAt, String decidedBy, String comment) {

        public ReturnSnapshot snapshot() {
            return Json.convert(Json.toMap(snapshotJson), ReturnSnapshot.class);
        }

        /** The London date it was submitted. */
        public LocalDate submittedOn() {
            return LondonTime.dateOf(submittedAt);
        }
    }

    /** Every version of one period's return, oldest first. */
    public List<StoredVersion> of(UUID tenant, UUID contract, String period) {
        return sql.list("select " + COLUMNS + " from return_version where tenant_id = ? and contract_id = ?"
                + " and period = ? order by version", List.of(tenant, contract, period), ReturnVersions::read);
    }

    /** The latest version of each of these periods' returns, by period. */
    public Map<String, StoredVersion> latest(UUID tenant, UUID contract, Collection<String> periods) {
        if (periods.isEmpty()) {
            return Map.of();
        }
        return sql.list("select distinct on (period) " + COLUMNS + " from return_version where tenant_id = ?"
                        + " and contract_id = ? and period = any(?) order by period, version desc",
                List.of(tenant, contract, periods.toArray(String[]::new)), ReturnVersions::read)
                .stream().collect(Collectors.toMap(StoredVersion::period, v -> v));
    }

    /** For every period of the contract, the version that stands (the latest, unless it was sent back). */
    @Transactional
    public Map<String, StoredVersion> standing(UUID tenant, UUID contract) {
        return sql.list("select * from (select distinct on (period) " + COLUMNS + " from return_version"
                        + " where tenant_id = ? and contract_id = ? order by period, version desc) latest"
                        + " where status <> 'RETURNED'", List.of(tenant, contract), ReturnVersions::read)
                .stream().collect(Collectors.toMap(StoredVersion::period, v -> v));
    }

    /** Freezes a snapshot as the next version; the database computes its hash from what it stores. */
    public void insert(UUID tenant, UUID contract, String period, int version, Instant at, String by,
                       ReturnSnapshot snapshot) {
        String frozen = Json.write(snapshot);
        sql.update("""
                insert into return_version (tenant_id, id, contract_id, period, version, status, submitted_at,
                    submitted_by, snapshot, snapshot_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
                        encode(sha256(convert_to(cast(? as jsonb)::text, 'UTF8')), 'hex'))""",
                Arrays.asList(tenant, Ids.newId(), contract, period, version, ReturnStatus.SUBMITTED.name(), at, by,
                        frozen, frozen));
    }

    /** The commissioner's decision on a SUBMITTED version; false when it was decided meanwhile. */
    public boolean decide(UUID tenant, UUID version, ReturnStatus decision, Instant at, String by, String comment) {
        return sql.update("update return_version set status = ?, decided_at = ?, decided_by = ?, comment = ?"
                        + " where tenant_id = ? and id = ? and status = ?",
                Arrays.asList(decision.name(), at, by, comment, tenant, version, ReturnStatus.SUBMITTED.name())) == 1;
    }

    private static StoredVersion read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredVersion(Sql.uuid(rs, "id"), rs.getString("period"), rs.getInt("version"),
                ReturnStatus.valueOf(rs.getString("status")), Sql.instant(rs, "submitted_at"),
                rs.getString("submitted_by"), rs.getString("snapshot"), rs.getString("snapshot_hash"),
                rs.getBoolean("intact"), Sql.instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("comment"));
    }
}
