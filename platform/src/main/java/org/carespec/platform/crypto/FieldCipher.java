package org.carespec.platform.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the fields the brief calls highly sensitive (free-text notes, safeguarding details, communication needs,
 * DBS certificate numbers, form fields a module marks sensitive) with AES-256-GCM from Google Tink.
 *
 * <p>The key is derived from {@code CARESPEC_ENCRYPTION_KEY}, never stored with the data. Each ciphertext is bound
 * (as associated data) to its tenant, its field and its row, so a ciphertext copied into another row, field or
 * tenant does not decrypt. The first byte is a format version so keys can be rotated later.
 */
@Singleton
public class FieldCipher {

    private static final byte VERSION = 1;
    private final AesGcmJce aead;

    public FieldCipher(@Value("${carespec.encryption.key}") String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("carespec.encryption.key (CARESPEC_ENCRYPTION_KEY) must be at least"
                    + " 32 characters");
        }
        try {
            this.aead = new AesGcmJce(derive(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The ciphertext of a text, or {@code null} for {@code null}. */
    public byte[] encrypt(String plaintext, FieldContext context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.associatedData());
            byte[] out = new byte[sealed.length + 1];
            out[0] = VERSION;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The text of a ciphertext made for the same context, or {@code null} for {@code null}. */
    public String decrypt(byte[] ciphertext, FieldContext context) {
        if (ciphertext == null) {
            return null;
        }
        if (ciphertext.length < 2 || ciphertext[0] != VERSION) {
            throw new IllegalStateException("unknown ciphertext format for " + context.field());
        }
        try {
            byte[] plain = aead.decrypt(Arrays.copyOfRange(ciphertext, 1, ciphertext.length), context.associatedData());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + context.field() + " could not be decrypted: wrong key, or"
                    + " the value was moved from another row", e);
        }
    }

    private static byte[] derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("carespec field encryption, version 1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Where an encrypted value lives: its tenant, its field ({@code activity.notes}) and its row. */
    public record FieldContext(UUID tenant, String field, UUID row) {

        public static FieldContext of(UUID tenant, String field, UUID row) {
            return new FieldContext(tenant, field, row);
        }

        byte[] associatedData() {
            return (tenant + "|" + field + "|" + row).getBytes(StandardCharsets.UTF_8);
        }
    }
}
