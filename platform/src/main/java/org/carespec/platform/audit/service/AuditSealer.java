package org.carespec.platform.audit.service;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.service.TenantIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains new audit events, tenant by tenant, every few seconds. Several platform instances may run it at once:
 * a per-tenant advisory lock in the database makes one of them do each tenant's work. Each time it seals, it logs
 * the chain's head to the application log, which keeps a record outside the database (see docs/architecture.md).
 */
@Singleton
public class AuditSealer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2000;

    private final CallerContext callers;
    private final TransactionOperations<Connection> transactions;
    private final AuditChain chain;
    private final TenantIds tenantIds;

    public AuditSealer(CallerContext callers, TransactionOperations<Connection> transactions, AuditChain chain,
                       TenantIds tenantIds) {
        this.tenantIds = tenantIds;
        this.callers = callers;
        this.transactions = transactions;
        this.chain = chain;
    }

    @Scheduled(fixedDelay = "${carespec.audit.seal-interval:5s}", initialDelay = "${carespec.audit.seal-interval:5s}")
    void sealAll() {
        for (UUID tenant : tenantIds.all("audit-sealer")) {
            try {
                seal(tenant);
            } catch (RuntimeException e) {
                LOG.error("Could not seal the audit chain of tenant {}", tenant, e);
            }
        }
    }

    /** Seals every committed event of the tenant not yet in its chain; returns how many were sealed. */
    public int seal(UUID tenant) {
        int total = 0;
        int sealed;
        do {
            sealed = callers.callAs(Caller.system("audit-sealer").inTenant(tenant),
                    () -> transactions.executeWrite(status -> sealBatch(status.getConnection(), tenant)));
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('audit-seal:' || ?))")) {
            lock.setString(1, tenant.toString());
            lock.execute();
        }
        long seq = 0;
        String previous = null;
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, chain_hash from audit_seal where tenant_id = ? order by seq desc limit 1")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
        }
        List<AuditRecord> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + AuditRecord.COLUMNS
                + " from audit_unsealed u join audit_event e on e.tenant_id = u.tenant_id and e.id = u.event_id"
                + " where u.tenant_id = ? order by u.event_id limit " + BATCH)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(AuditRecord.read(rs));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        int n = pending.size();
        Long[] eventIds = new Long[n];
        Long[] seqs = new Long[n];
        String[] digests = new String[n];
        String[] links = new String[n];
        for (int i = 0; i < n; i++) {
            AuditRecord event = pending.get(i);
            seq++;
            String digest = chain.digest(event);
            String link = chain.link(previous, seq, event.id(), digest);
            eventIds[i] = event.id();
            seqs[i] = seq;
            digests[i] = digest;
            links[i] = link;
            previous = link;
        }
        // One statement each for the whole batch, not two per event (the per-event statements were most of its cost).
        try (PreparedStatement insert = c.prepareStatement("insert into audit_seal (tenant_id, seq, event_id,"
                + " event_digest, chain_hash) select ?, s, e, d, h from unnest(?::bigint[], ?::bigint[], ?::text[],"
                + " ?::text[]) as t (s, e, d, h)");
             PreparedStatement dequeue = c.prepareStatement(
                     "delete from audit_unsealed where tenant_id = ? and event_id = any (?::bigint[])")) {
            insert.setObject(1, tenant);
            insert.setArray(2, c.createArrayOf("bigint", seqs));
            insert.setArray(3, c.createArrayOf("bigint", eventIds));
            insert.setArray(4, c.createArrayOf("text", digests));
            insert.setArray(5, c.createArrayOf("text", links));
            insert.executeUpdate();
            dequeue.setObject(1, tenant);
            dequeue.setArray(2, c.createArrayOf("bigint", eventIds));
            dequeue.executeUpdate();
        }
        LOG.info("Audit chain checkpoint: tenant {} sealed through seq {}, head {}", tenant, seq, previous);
        return pending.size();
    }
}
