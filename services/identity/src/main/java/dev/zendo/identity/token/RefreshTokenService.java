package dev.zendo.identity.token;

import dev.zendo.platform.crypto.Sha256;
import dev.zendo.identity.IdentitySettings;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens: 32 random bytes handed out once, stored as their SHA-256. Each is exchanged for a successor;
 * presenting one that was already exchanged revokes its whole family (it was stolen or replayed), except for a retry:
 * within the reuse grace after its exchange, while its successor is still unused, it gets a fresh successor and the
 * previous successor is retired, so a family never has more than one usable token.
 * Exchanges are limited per family ({@code zendo.rate-limits.refresh-family}).
 */
@Singleton
public class RefreshTokenService {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RefreshTokenRepository repository;
    private final Duration ttl;
    private final Duration reuseGrace;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RateLimit perFamily;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenService(RefreshTokenRepository repository, IdentitySettings settings, RefreshTokenSettings refreshSettings,
                        Clock clock, RateLimiter limiter, @Named("refresh-family") RateLimit perFamily) {
        this.repository = repository;
        this.ttl = settings.refreshTokenTtl();
        this.reuseGrace = refreshSettings.reuseGrace();
        this.clock = clock;
        this.limiter = limiter;
        this.perFamily = perFamily;
    }

    /** The first token of a new family, for a fresh sign-in of {@code agentId}. */
    @Transactional
    public String startFamily(UUID agentId) {
        return issue(agentId, UUID.randomUUID(), null);
    }

    /**
     * Exchanges {@code token} for its successor. Empty when it is unknown, expired or revoked, or when it was
     * exchanged before, in which case its family is revoked so the successor stops working too, unless this is a
     * retry: see {@link #retry}.
     */
    @Transactional
    public Optional<Exchange> exchange(String token) {
        Optional<RefreshToken> found = repository.lockByTokenHash(hash(token));
        if (found.isEmpty() || found.get().revokedAt() != null) {
            return Optional.empty();
        }
        RefreshToken presented = found.get();
        limiter.acquire(perFamily, presented.familyId().toString());
        Instant now = clock.instant();
        if (presented.usedAt() != null) {
            Optional<Exchange> retried = retry(presented, now);
            if (retried.isEmpty()) {
                repository.revokeFamily(presented.familyId(), now);
            }
            return retried;
        }
        if (!presented.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        repository.markUsed(presented.id(), now);
        return Optional.of(new Exchange(presented.agentId(), issue(presented.agentId(), presented.familyId(), presented.id())));
    }

    /**
     * A token presented again within the reuse grace after its exchange, whose successor was never used: the client
     * most likely lost the answer. It gets a fresh successor and the unused one is retired, so only the newest
     * answer works. Empty when it is too late or the successor was used, which is a reuse.
     */
    private Optional<Exchange> retry(RefreshToken presented, Instant now) {
        if (!presented.usedAt().plus(reuseGrace).isAfter(now) || !presented.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return repository.lockLiveChild(presented.familyId(), presented.id()).map(unused -> {
            repository.markUsed(unused.id(), now);
            return new Exchange(presented.agentId(), issue(presented.agentId(), presented.familyId(), presented.id()));
        });
    }

    /** Revokes the family of {@code token} when it belongs to {@code agentId}; anything else is ignored. */
    @Transactional
    public void revokeFamilyOf(String token, UUID agentId) {
        repository.findByTokenHash(hash(token))
                .filter(found -> found.agentId().equals(agentId))
                .ifPresent(found -> repository.revokeFamily(found.familyId(), clock.instant()));
    }

    /** Revokes every family of {@code agentId}: every session it has signs in again. */
    @Transactional
    public void revokeAll(UUID agentId) {
        repository.revokeAgent(agentId, clock.instant());
    }

    private String issue(UUID agentId, UUID familyId, UUID parentId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = BASE64URL.encodeToString(bytes);
        Instant now = clock.instant();
        repository.save(new RefreshToken(UUID.randomUUID(), familyId, agentId, parentId, hash(token), now, now.plus(ttl), null, null));
        return token;
    }

    private static String hash(String token) {
        return BASE64URL.encodeToString(Sha256.of(token));
    }

    /**
     * A successful exchange.
     *
     * @param agentId whose session it is
     * @param next    the token that replaces the one presented
     */
    public record Exchange(UUID agentId, String next) {
    }
}
