package org.carespec.platform.audit.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditVerification.Kind;
import org.carespec.platform.audit.service.AuditVerification.Problem;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Walks a tenant's audit chain from the first seal and recomputes every digest and link with the key the
 * database never sees. Finds: an event changed after sealing (ALTERED), an event or a seal deleted (REMOVED), seals
 * moved to other positions (REORDERED), and an event that was never put in the chain (UNSEALED).
 */
@Singleton
public class AuditVerifier {

    private final AuditSealer sealer;
    private final AuditChain chain;
    private final CallerContext callers;
    private final TransactionOperations<Connection> transactions;

    public AuditVerifier(AuditSealer sealer, AuditChain chain, CallerContext callers,
                         TransactionOperations<Connection> transactions) {
        this.sealer = sealer;
        this.chain = chain;
        this.callers = callers;
        this.transactions = transactions;
    }

    public AuditVerification verify(UUID tenant) {
        sealer.seal(tenant);
        Caller caller = callers.require().inTenant(tenant);
        return callers.callAs(caller, () -> transactions.executeRead(status -> walk(status.getConnection(), tenant)));
    }

    private AuditVerification walk(Connection c, UUID tenant) throws SQLException {
        long expected = 1;
        long checked = 0;
        String previous = null;
        try (PreparedStatement ps = c.prepareStatement("select s.seq, s.event_id, s.event_digest, s.chain_hash, "
                + AuditRecord.COLUMNS + " from audit_seal s left join audit_event e"
                + " on e.tenant_id = s.tenant_id and e.id = s.event_id where s.tenant_id = ? order by s.seq")) {
            ps.setFetchSize(1000);
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    long eventId = rs.getLong("event_id");
                    String storedDigest = rs.getString("event_digest");
                    String storedLink = rs.getString("chain_hash");
                    if (seq != expected) {
                        return broken(checked, seq, new Problem(Kind.REMOVED, expected, null,
                                "seal " + expected + " is missing: the chain jumps to " + seq));
                    }
                    if (rs.getString("e_tenant") == null) {
                        return broken(checked, seq, new Problem(Kind.REMOVED, seq, eventId,
                                "event " + eventId + " sealed at " + seq + " no longer exists"));
                    }
                    AuditRecord event = AuditRecord.read(rs);
                    checked++;
                    if (!chain.digest(event).equals(storedDigest)) {
                        return broken(checked, seq, new Problem(Kind.ALTERED, seq, eventId,
                                "event " + eventId + " was changed after it was sealed"));
                    }
                    if (!chain.link(previous, seq, eventId, storedDigest).equals(storedLink)) {
                        return broken(checked, seq, new Problem(Kind.REORDERED, seq, eventId,
                                "seal " + seq + " does not follow seal " + (seq - 1)
                                        + ": events were reordered or seals rewritten"));
                    }
                    previous = storedLink;
                    expected++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select e.id from audit_event e
                where e.tenant_id = ?
                  and not exists (select 1 from audit_seal s where s.tenant_id = e.tenant_id and s.event_id = e.id)
                  and not exists (select 1 from audit_unsealed u where u.tenant_id = e.tenant_id and u.event_id = e.id)
                order by e.id limit 1""")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return broken(checked, expected - 1, new Problem(Kind.UNSEALED, null, id,
                            "event " + id + " is in the log but not in the chain"));
                }
            }
        }
        return new AuditVerification(true, checked, expected - 1, null);
    }

    private static AuditVerification broken(long checked, long chainLength, Problem problem) {
        return new AuditVerification(false, checked, chainLength, problem);
    }
}
