package dev.zendo.conversations.verification;

import dev.zendo.conversations.audit.AuditActorKind;
import dev.zendo.conversations.audit.AuditLog;
import dev.zendo.platform.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each website's identity-verification secrets: the HMAC keys its host backend signs user tokens with. A rotation
 * issues a new current secret, shown once, and lets the ones before it verify until the overlap ends; a previous
 * secret can be revoked at once. Stored encrypted; every rotation and revocation is audited. The caller checks
 * the agent's permission ({@code MANAGE_IDENTITY_SECRET}).
 */
@Singleton
public class IdentitySecrets {

    /** The longest a previous secret may keep verifying after a rotation. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(7);
    /** The prefix of every secret, so a leaked one is recognisable. */
    public static final String PREFIX = "ivs_";

    static final String ROTATED = "identity_secret.rotated";
    static final String REVOKED = "identity_secret.revoked";
    private static final String TARGET = "identity_secret";

    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = 4;

    private final IdentitySecretRepository secrets;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final IdentitySecretsSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IdentitySecrets(IdentitySecretRepository secrets, SecretCipher cipher, AuditLog audit, IdentitySecretsSettings settings,
                    Clock clock) {
        this.secrets = secrets;
        this.cipher = cipher;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Issues a new current secret for {@code websiteId}; the secrets before it verify for {@code overlap} more
     * (the configured default when null, 0 to stop them at once, at most 7 days).
     */
    @Transactional
    public IssuedSecret rotate(UUID websiteId, String agentId, @Nullable Duration overlap) {
        Duration keep = overlap == null ? settings.overlap() : overlap;
        if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
            throw ApiException.invalid("overlap", "must be between 0s and " + MAX_OVERLAP + ", not " + keep);
        }
        secrets.lockWebsite(websiteId);
        Instant now = clock.instant();
        Instant until = now.plus(keep);
        boolean replaced = secrets.findValid(websiteId, now).stream().anyMatch(secret -> secret.expiresAt() == null);
        secrets.expireAllAt(websiteId, until);
        secrets.purgeExpired(now);
        String secret = newSecret();
        String hint = secret.substring(secret.length() - HINT_LENGTH);
        IdentitySecret stored = secrets.save(new IdentitySecret(UUID.randomUUID(), websiteId, cipher.encrypt(websiteId, secret),
                hint, agentId, now, null));
        audit.record(websiteId, AuditActorKind.AGENT, agentId, ROTATED, TARGET, stored.id().toString(), replaced
                ? Map.of("hint", hint, "previous_valid_until", until.toString()) : Map.of("hint", hint));
        return new IssuedSecret(stored.id(), secret, hint, now, replaced ? until : null);
    }

    /** The secrets of {@code websiteId} that still verify, current first; hints only. */
    @Transactional(readOnly = true)
    public List<SecretView> list(UUID websiteId) {
        return secrets.findValid(websiteId, clock.instant()).stream().map(SecretView::of).toList();
    }

    /** Stops a previous secret from verifying at once; the current one is replaced by rotating. */
    @Transactional
    public void revoke(UUID websiteId, String agentId, UUID secretId) {
        secrets.lockWebsite(websiteId);
        Instant now = clock.instant();
        IdentitySecret secret = secrets.findByIdAndWebsiteId(secretId, websiteId)
                .filter(found -> found.expiresAt() == null || found.expiresAt().isAfter(now))
                .orElseThrow(() -> ApiException.notFound("Identity secret"));
        if (secret.expiresAt() == null) {
            throw ApiException.conflict("current_identity_secret",
                    "The current secret cannot be revoked: rotate it, then revoke the previous one.");
        }
        secrets.delete(secret);
        audit.record(websiteId, AuditActorKind.AGENT, agentId, REVOKED, TARGET, secret.id().toString(), Map.of("hint", secret.hint()));
    }

    /** The secrets that verify user tokens of {@code websiteId} now, current first, decrypted. */
    @Transactional(readOnly = true)
    List<String> verifying(UUID websiteId) {
        return secrets.findValid(websiteId, clock.instant()).stream()
                .map(secret -> cipher.decrypt(websiteId, secret.ciphertext()))
                .toList();
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
