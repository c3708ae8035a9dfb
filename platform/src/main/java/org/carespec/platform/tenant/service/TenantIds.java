package org.carespec.platform.tenant.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/** Every tenant's id, for background jobs that visit each tenant in turn (the audit sealer, the deadline watch). */
@Singleton
public class TenantIds {

    private final CallerContext callers;
    private final TransactionOperations<Connection> transactions;

    public TenantIds(CallerContext callers, TransactionOperations<Connection> transactions) {
        this.callers = callers;
        this.transactions = transactions;
    }

    /** @param job the job asking, for the audit trail's actor ({@code system:<job>}) */
    public List<UUID> all(String job) {
        return callers.callAs(Caller.system(job), () -> transactions.executeRead(status -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("select id from tenant order by id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }));
    }
}
