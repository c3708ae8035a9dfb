package org.carespec.platform.audit.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that seals the audit chain. It lives in the application's configuration
 * ({@code CARESPEC_AUDIT_KEY}), never in the database, so someone who can rewrite the database cannot forge seals.
 */
@Singleton
public class AuditKey {

    private final SecretKeySpec key;

    public AuditKey(@Value("${carespec.audit.key}") String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("carespec.audit.key (CARESPEC_AUDIT_KEY) must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
