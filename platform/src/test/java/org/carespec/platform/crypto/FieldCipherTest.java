package org.carespec.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final FieldCipher cipher = new FieldCipher("a test key of at least thirty-two characters");
    private final UUID tenant = UUID.randomUUID();
    private final UUID row = UUID.randomUUID();

    @Test
    void aNoteRoundTripsAndItsCiphertextHoldsNoPlaintext() {
        FieldContext context = FieldContext.of(tenant, "activity.notes", row);
        byte[] sealed = cipher.encrypt("Carer worried about relapse", context);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("relapse"));
        assertEquals("Carer worried about relapse", cipher.decrypt(sealed, context));
        assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1),
                new String(cipher.encrypt("Carer worried about relapse", context), StandardCharsets.ISO_8859_1),
                "each encryption uses a fresh nonce");
    }

    @Test
    void aCiphertextMovedToAnotherRowFieldOrTenantDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt("safeguarding detail", FieldContext.of(tenant, "safeguarding.details", row));
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(sealed, FieldContext.of(tenant, "safeguarding.details", UUID.randomUUID())));
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(sealed, FieldContext.of(tenant, "activity.notes", row)));
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(sealed, FieldContext.of(UUID.randomUUID(), "safeguarding.details", row)));
    }

    @Test
    void anotherKeyCannotRead() {
        FieldContext context = FieldContext.of(tenant, "activity.notes", row);
        byte[] sealed = cipher.encrypt("note", context);
        FieldCipher other = new FieldCipher("another key of at least thirty-two characters!");
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed, context));
    }

    @Test
    void nullStaysNullAndShortKeysAreRefused() {
        assertNull(cipher.encrypt(null, FieldContext.of(tenant, "x", row)));
        assertNull(cipher.decrypt(null, FieldContext.of(tenant, "x", row)));
        assertThrows(IllegalStateException.class, () -> new FieldCipher("too short"));
    }
}
