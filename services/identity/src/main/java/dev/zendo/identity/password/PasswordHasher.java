package dev.zendo.identity.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.zendo.identity.IdentitySettings;
import io.micronaut.context.annotation.Context;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Hashes passwords with argon2id (password4j) and checks them against stored hashes. Checking against no hash
 * still spends one verification on a dummy hash, so an unknown email costs as much time as a wrong password.
 */
@Context
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    private final String dummyHash;

    PasswordHasher(IdentitySettings settings) {
        this.argon2 = Argon2Function.getInstance(settings.argon2MemoryKib(), settings.argon2Iterations(),
                settings.argon2Parallelism(), HASH_BYTES, Argon2.ID);
        byte[] random = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    /** A PHC-format argon2id hash of {@code password} with a random salt. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Whether {@code password} matches {@code hash}, read with the parameters the hash was made with. */
    public boolean matches(String password, Optional<String> hash) {
        String stored = hash.orElse(dummyHash);
        boolean matches = Argon2Function.getInstanceFromHash(stored).check(password, stored);
        return matches && hash.isPresent();
    }
}
