package org.carespec.platform.record.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.database.Sql;

/** A record as stored; {@code sensitive} is the ciphertext, sealed under the field name {@code sealedAs}. */
public record RecordRow(UUID id, UUID contractId, UUID providerId, String typeCode, int typeVersion, UUID personId,
                        UUID referralId, String status, LocalDate statusOn, String data, byte[] sensitive,
                        String sealedAs, LocalDate recordedOn, String recordedBy, int revision, Instant createdAt,
                        Instant updatedAt) {

    static RecordRow read(ResultSet rs) throws SQLException {
        return new RecordRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "provider_id"),
                rs.getString("type_code"), rs.getInt("type_version"), Sql.uuid(rs, "person_id"),
                Sql.uuid(rs, "referral_id"), rs.getString("status"), rs.getObject("status_on", LocalDate.class),
                rs.getString("data"), rs.getBytes("sensitive_enc"), rs.getString("sealed_as"),
                rs.getObject("recorded_on", LocalDate.class), rs.getString("recorded_by"), rs.getInt("revision"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
