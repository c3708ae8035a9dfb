package org.carespec.platform.referral.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.plugin.api.ReferralEventType;

/** A referral event as stored; the note stays encrypted until someone allowed reads it. */
public record EventRow(UUID id, ReferralEventType type, Instant occurredAt, LocalDate occurredOn, String reason, byte[] note,
                String recordedBy, Instant createdAt) {

    public static EventRow read(ResultSet rs) throws SQLException {
        return new EventRow(Sql.uuid(rs, "id"), ReferralEventType.valueOf(rs.getString("type")),
                Sql.instant(rs, "occurred_at"), rs.getObject("occurred_on", LocalDate.class), rs.getString("reason"),
                rs.getBytes("note_enc"), rs.getString("recorded_by"), Sql.instant(rs, "created_at"));
    }
}
