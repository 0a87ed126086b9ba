package dev.zendo.identity.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.zendo.identity.IdentitySettings;
import dev.zendo.platform.ratelimit.ConcurrencyLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Hashes passwords with argon2id (password4j) and checks them against stored hashes. Checking against no hash
 * still spends one verification on a dummy hash, so an unknown email costs as much time as a wrong password.
 * Each hash takes argon2's whole memory cost, so only a bounded number run at once; a request that finds no free
 * turn within the configured wait is answered 503 with {@code Retry-After} instead of exhausting the heap.
 */
@Context
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    private final ConcurrencyLimit turns;
    private final Timer checks;
    private final String dummyHash;

    PasswordHasher(IdentitySettings settings, MeterRegistry meters) {
        this.argon2 = Argon2Function.getInstance(settings.argon2MemoryKib(), settings.argon2Iterations(),
                settings.argon2Parallelism(), HASH_BYTES, Argon2.ID);
        this.turns = new ConcurrencyLimit(settings.argon2MaxConcurrent(), settings.argon2MaxWait());
        this.checks = Timer.builder("zendo.identity.password.checks")
                .description("Password checks against a stored (or, for an unknown email, a dummy) argon2id hash")
                .register(meters);
        byte[] random = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    /** A PHC-format argon2id hash of {@code password} with a random salt. */
    public String hash(String password) {
        return turns.call(() -> Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult());
    }

    /** Whether {@code password} matches {@code hash}, read with the parameters the hash was made with. */
    public boolean matches(String password, Optional<String> hash) {
        String stored = hash.orElse(dummyHash);
        boolean matches = turns.call(() -> checks.record(() -> Argon2Function.getInstanceFromHash(stored).check(password, stored)));
        return matches && hash.isPresent();
    }
}
