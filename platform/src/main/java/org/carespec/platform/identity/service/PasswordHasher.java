package org.carespec.platform.identity.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashes (Password4j). Defaults follow OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
 * The parameters travel inside each hash, so raising them later only affects new hashes.
 */
@Singleton
public class PasswordHasher {

    private final Argon2Function argon2;
    private final String decoy;

    public PasswordHasher(@Value("${carespec.security.argon2.memory-kib:19456}") int memoryKib,
                          @Value("${carespec.security.argon2.iterations:2}") int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        this.decoy = hash("a decoy password nobody has");
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time of one check, so an unknown username answers as slowly as a wrong password. */
    public void spendTimeOfOneCheck(String password) {
        matches(password, decoy);
    }
}
