package dev.zendo.identity.token;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Deletes refresh tokens past their expiry, which can never be exchanged again. */
@Singleton
class RefreshTokenJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenJanitor.class);

    private final RefreshTokenRepository repository;
    private final Clock clock;

    RefreshTokenJanitor(RefreshTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "10m", fixedDelay = "1h")
    @Transactional
    void deleteExpired() {
        long deleted = repository.deleteExpiredBefore(clock.instant());
        if (deleted > 0) {
            LOG.info("deleted {} expired refresh tokens", deleted);
        }
    }
}
