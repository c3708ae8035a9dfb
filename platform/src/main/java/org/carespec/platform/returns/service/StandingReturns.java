package org.carespec.platform.returns.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.database.Sql;

/**
 * The periods of a contract whose return stands: its latest version is submitted or approved, not sent back. The
 * deadline watch resolves a return's alerts by it, and a {@code DueRule.quarterlyReturn()} obligation counts as
 * done by it.
 */
@Singleton
public class StandingReturns {

    private final Sql sql;

    public StandingReturns(Sql sql) {
        this.sql = sql;
    }

    /** The version that stands for a period, and when (London date) and by whom it was submitted. */
    public record Standing(int version, LocalDate submittedOn, String submittedBy) {
    }

    /** Period id ({@code 2026-27-Q1}) to the version that stands. */
    @Transactional
    public Map<String, Standing> of(UUID tenant, UUID contract) {
        return sql.list("select period, version, (submitted_at at time zone 'Europe/London')::date, submitted_by"
                        + " from (select distinct on (period) period, version, status, submitted_at, submitted_by"
                        + " from return_version where tenant_id = ? and contract_id = ? order by period, version desc)"
                        + " latest where status <> 'RETURNED'", List.of(tenant, contract),
                rs -> Map.entry(rs.getString(1), new Standing(rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
