package dev.zendo.conversations.verification;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Deletes identity-verification secrets whose overlap has ended, so no ciphertext of a dead secret lingers. */
@Singleton
class ExpiredSecretPurger {

    private final IdentitySecretRepository secrets;
    private final Clock clock;

    ExpiredSecretPurger(IdentitySecretRepository secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "1m")
    @Transactional
    public void purge() {
        secrets.purgeExpired(clock.instant());
    }
}
