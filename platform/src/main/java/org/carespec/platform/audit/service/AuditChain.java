package org.carespec.platform.audit.service;

import jakarta.inject.Singleton;

/** How events are chained: each seal's HMAC covers the previous seal, its own position and its event's digest. */
@Singleton
public class AuditChain {

    private final AuditKey key;

    public AuditChain(AuditKey key) {
        this.key = key;
    }

    String digest(AuditRecord event) {
        return key.hmac(event.canonical());
    }

    String link(String previousChainHash, long seq, long eventId, String eventDigest) {
        return key.hmac((previousChainHash == null ? "" : previousChainHash) + "|" + seq + "|" + eventId + "|"
                + eventDigest);
    }
}
