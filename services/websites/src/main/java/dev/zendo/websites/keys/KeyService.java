package dev.zendo.websites.keys;

import dev.zendo.outbox.Events;
import dev.zendo.platform.crypto.Sha256;
import dev.zendo.auth.agent.AuthenticatedAgent;
import com.google.protobuf.ByteString;
import dev.zendo.events.v1.KeyRotated;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.website.WebsiteRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Issues, rotates and revokes website keys; a rotated key keeps working for the configured overlap. */
@Singleton
public class KeyService {

    private static final int HINT_LENGTH = 7;

    private final ApiKeyRepository keys;
    private final WebsiteRepository websites;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final Clock clock;

    KeyService(ApiKeyRepository keys, WebsiteRepository websites, WebsiteAccess access, EventPublisher events,
               WebsitesSettings settings, Clock clock) {
        this.keys = keys;
        this.websites = websites;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Issues the first public and secret key of a website being created, in its transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public IssuedKeys issueFirst(UUID websiteId) {
        Instant now = clock.instant();
        String publicKey = KeyMaterial.random(KeyKind.PUBLIC.prefix());
        String secretKey = KeyMaterial.random(KeyKind.SECRET.prefix());
        ApiKey publicRow = keys.save(newKey(websiteId, KeyKind.PUBLIC, publicKey, now));
        ApiKey secretRow = keys.save(newKey(websiteId, KeyKind.SECRET, secretKey, now));
        return new IssuedKeys(publicRow.id(), publicKey, secretRow.id(), secretKey);
    }

    /** The current public key of each website. */
    @Transactional(readOnly = true)
    public Map<UUID, String> currentPublicKeys(Collection<UUID> websiteIds) {
        if (websiteIds.isEmpty()) {
            return Map.of();
        }
        return keys.findCurrentPublicKeys(websiteIds).stream().collect(Collectors.toMap(ApiKey::websiteId, ApiKey::publicKey));
    }

    /** The current public key of one website. */
    @Transactional(readOnly = true)
    public Optional<String> currentPublicKey(UUID websiteId) {
        return keys.findCurrent(websiteId, KeyKind.PUBLIC.name()).map(ApiKey::publicKey);
    }

    @Transactional(readOnly = true)
    public List<KeyView> list(AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.VIEW_KEYS);
        Instant now = clock.instant();
        return keys.findByWebsiteIdOrderByCreatedAt(websiteId).stream().map(key -> KeyView.of(key, now, null)).toList();
    }

    /** Issues a new current key of {@code kind}; the previous one works until the overlap ends. */
    @Transactional
    public KeyView rotate(AuthenticatedAgent agent, UUID websiteId, String kindName) {
        access.require(agent, websiteId, Permission.MANAGE_KEYS);
        websites.lock(websiteId);
        KeyKind kind = KeyKind.valueOf(kindName.toUpperCase(Locale.ROOT));
        Instant now = clock.instant();
        Instant overlapUntil = now.plus(settings.keyOverlap());
        ApiKey previous = keys.findCurrent(websiteId, kind.name()).orElseThrow();
        keys.update(withExpiry(previous, overlapUntil, null));
        String material = KeyMaterial.random(kind.prefix());
        ApiKey next = keys.save(newKey(websiteId, kind, material, now));
        events.toServices(websiteId, agent.id(), event -> event.setKeyRotated(KeyRotated.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setKind(kind.toEvent())
                .setKeyId(next.id().toString())
                .setPublicKey(kind == KeyKind.PUBLIC ? material : "")
                .setSecretKeySha256(kind == KeyKind.SECRET ? ByteString.copyFrom(next.secretHash()) : ByteString.EMPTY)
                .setPreviousKeyId(previous.id().toString())
                .setOverlapUntil(Events.timestamp(overlapUntil))));
        return KeyView.of(next, now, kind == KeyKind.SECRET ? material : null);
    }

    /** Stops a key that is no longer current from working at once; the current key is replaced by rotating it. */
    @Transactional
    public KeyView revoke(AuthenticatedAgent agent, UUID websiteId, UUID keyId) {
        access.require(agent, websiteId, Permission.MANAGE_KEYS);
        websites.lock(websiteId);
        ApiKey key = keys.findByIdAndWebsiteId(keyId, websiteId).orElseThrow(() -> ApiException.notFound("Key"));
        if (key.current()) {
            throw ApiException.conflict("current_key", "The current key cannot be revoked: rotate it, then revoke the previous one.");
        }
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return KeyView.of(key, now, null);
        }
        ApiKey revoked = keys.update(withExpiry(key, key.activeAt(now) ? now : key.expiresAt(), now));
        events.toServices(websiteId, agent.id(), event -> event.setKeyRotated(KeyRotated.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setKind(key.kind().toEvent())
                .setKeyId(key.id().toString())
                .setPublicKey(key.kind() == KeyKind.PUBLIC ? key.publicKey() : "")
                .setRevoked(true)));
        return KeyView.of(revoked, now, null);
    }

    private static ApiKey newKey(UUID websiteId, KeyKind kind, String material, Instant now) {
        boolean isPublic = kind == KeyKind.PUBLIC;
        return new ApiKey(UUID.randomUUID(), websiteId, kind, isPublic ? material : null,
                isPublic ? null : Sha256.of(material), material.substring(0, HINT_LENGTH), now, null, null);
    }

    private static ApiKey withExpiry(ApiKey key, Instant expiresAt, Instant revokedAt) {
        return new ApiKey(key.id(), key.websiteId(), key.kind(), key.publicKey(), key.secretHash(), key.hint(),
                key.createdAt(), expiresAt, revokedAt);
    }
}
