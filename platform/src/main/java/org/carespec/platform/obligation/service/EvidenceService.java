package org.carespec.platform.obligation.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.audit.service.AuditLog;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.obligation.domain.EvidenceFile;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Evidence files on an obligation occurrence. The provider's manager attaches them (and may take one back while
 * the occurrence is not yet recorded as done); the contract's commissioner and the tenant's administrators read
 * them. Every upload and removal is in the audit trail through the table's trigger, every download as a read.
 */
@Singleton
public class EvidenceService {

    private static final String COLUMNS = "id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final ObligationService obligations;
    private final CallerContext callers;
    private final AuditLog audit;
    private final Sql sql;

    public EvidenceService(ObligationService obligations, CallerContext callers, AuditLog audit, Sql sql) {
        this.obligations = obligations;
        this.callers = callers;
        this.audit = audit;
        this.sql = sql;
    }

    /** A stored file with its content, for download. */
    public record Download(EvidenceView view, byte[] content) {
    }

    /** Keeps a file that passed {@link EvidenceFile#check}; the caller has checked it. */
    @Transactional
    public EvidenceView attach(UUID contractId, String code, String occurrence, String filename, byte[] content) {
        Caller caller = callers.require();
        Contract contract = obligations.requireScheduled(contractId, code, occurrence);
        requireProviderManager(caller, contract);
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into obligation_evidence (tenant_id, id, contract_id, code, occurrence, filename, content_type,
                                                 size_bytes, sha256, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                List.of(caller.requireTenant(), id, contractId, code, occurrence, filename,
                        EvidenceFile.typeOf(content, filename), content.length, sha256(content), content,
                        caller.actor()));
        return find(contractId, code, occurrence, id).orElseThrow();
    }

    @Transactional
    public List<EvidenceView> list(UUID contractId, String code, String occurrence) {
        callers.require();
        obligations.requireScheduled(contractId, code, occurrence);
        return sql.list("select " + COLUMNS + " from obligation_evidence where tenant_id = carespec_current_tenant()"
                        + " and contract_id = ? and code = ? and occurrence = ? order by uploaded_at, id",
                List.of(contractId, code, occurrence), EvidenceService::view);
    }

    @Transactional
    public Download download(UUID contractId, String code, String occurrence, UUID id) {
        callers.require();
        obligations.requireScheduled(contractId, code, occurrence);
        EvidenceView view = find(contractId, code, occurrence, id)
                .orElseThrow(() -> new NotFoundException("Evidence " + id));
        byte[] content = sql.one("select content from obligation_evidence where tenant_id = carespec_current_tenant()"
                + " and id = ?", List.of(id), rs -> rs.getBytes(1)).orElseThrow();
        audit.recordRead("obligation_evidence", id);
        return new Download(view, content);
    }

    /** Takes a file back; not once the occurrence is recorded as done, when the evidence is what was done. */
    @Transactional
    public void remove(UUID contractId, String code, String occurrence, UUID id) {
        Caller caller = callers.require();
        Contract contract = obligations.requireScheduled(contractId, code, occurrence);
        requireProviderManager(caller, contract);
        find(contractId, code, occurrence, id).orElseThrow(() -> new NotFoundException("Evidence " + id));
        boolean done = sql.one("select 1 from obligation_record where tenant_id = carespec_current_tenant()"
                        + " and contract_id = ? and code = ? and occurrence = ?",
                List.of(contractId, code, occurrence), rs -> true).isPresent();
        if (done) {
            throw new ConflictException("The obligation is recorded as done, so its evidence is kept. Record it"
                    + " again with a note if the evidence was wrong, and attach the right file.");
        }
        sql.update("delete from obligation_evidence where tenant_id = carespec_current_tenant() and id = ?",
                List.of(id));
    }

    private Optional<EvidenceView> find(UUID contractId, String code, String occurrence, UUID id) {
        return sql.one("select " + COLUMNS + " from obligation_evidence where tenant_id = carespec_current_tenant()"
                        + " and id = ? and contract_id = ? and code = ? and occurrence = ?",
                List.of(id, contractId, code, occurrence), EvidenceService::view);
    }

    private static EvidenceView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EvidenceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }

    private static void requireProviderManager(Caller caller, Contract contract) {
        if (!caller.managesProvider(contract.providerId())) {
            throw new ForbiddenException("Only the provider's manager keeps its contract obligations' evidence.");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
