package dev.zendo.identity.accountmail;

import dev.zendo.identity.reset.PasswordResetRepository;
import dev.zendo.identity.signincode.SignInCodeRepository;
import dev.zendo.identity.verification.EmailVerificationRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/** Deletes expired verification links, reset links and sign-in codes (used ones are deleted when they are used). */
@Singleton
public class ExpiredSecretsJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredSecretsJanitor.class);

    private final EmailVerificationRepository verifications;
    private final PasswordResetRepository resets;
    private final SignInCodeRepository codes;
    private final Clock clock;

    ExpiredSecretsJanitor(EmailVerificationRepository verifications, PasswordResetRepository resets, SignInCodeRepository codes,
                          Clock clock) {
        this.verifications = verifications;
        this.resets = resets;
        this.codes = codes;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "10m")
    @Transactional
    public void deleteExpired() {
        Instant now = clock.instant();
        long deleted = verifications.deleteExpiredBefore(now) + resets.deleteExpiredBefore(now) + codes.deleteExpiredBefore(now);
        if (deleted > 0) {
            LOG.info("deleted {} expired account-mail secrets", deleted);
        }
    }
}
