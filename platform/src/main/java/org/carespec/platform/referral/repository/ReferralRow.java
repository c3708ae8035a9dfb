package org.carespec.platform.referral.repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.rules.Priority;

/** A referral row as stored. */
public record ReferralRow(UUID id, UUID contractId, UUID providerId, UUID personId, Instant receivedAt,
                          LocalDate receivedOn, String source, ReferralStatus status, Priority priority,
                          boolean eligible, String assessment, String formCode, Integer formVersion, String data,
                          byte[] sensitive, String serviceLevel, BigDecimal serviceHours, String outcome,
                          String outcomeReason, String destination, String declineReason, LocalDate endedOn,
                          Instant createdAt) {

    /** The same row with the creation time the database gave it. */
    public ReferralRow withCreatedAt(Instant at) {
        return new ReferralRow(id, contractId, providerId, personId, receivedAt, receivedOn, source, status, priority,
                eligible, assessment, formCode, formVersion, data, sensitive, serviceLevel, serviceHours, outcome,
                outcomeReason, destination, declineReason, endedOn, at);
    }

    public static ReferralRow read(ResultSet rs) throws SQLException {
        return new ReferralRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "provider_id"),
                Sql.uuid(rs, "person_id"), Sql.instant(rs, "received_at"), rs.getObject("received_on", LocalDate.class),
                rs.getString("source"), ReferralStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), rs.getBoolean("eligible"), rs.getString("assessment"),
                rs.getString("form_code"), (Integer) rs.getObject("form_version"), rs.getString("data"),
                rs.getBytes("sensitive_enc"), rs.getString("service_level"), rs.getBigDecimal("service_hours"),
                rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("destination"),
                rs.getString("decline_reason"), rs.getObject("ended_on", LocalDate.class),
                Sql.instant(rs, "created_at"));
    }
}
