package dev.zendo.conversations.replica;

import dev.zendo.inbox.EventFields;
import dev.zendo.events.v1.KeyKind;
import dev.zendo.events.v1.KeyRotated;
import dev.zendo.events.v1.WebsiteCreated;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.instant;
import static dev.zendo.inbox.EventFields.optional;
import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * The {@code replica_keys} rows: public keys in full, secret keys as their SHA-256. A key without expiry is its
 * website's current one of its kind; a rotation gives every other current key of the kind the event's overlap end.
 */
@Singleton
class KeyRows {

    private static final String INSERT = """
            INSERT INTO replica_keys (key_id, website_id, kind, public_key, secret_hash)
            SELECT ?, website_id, ?, ?, ? FROM replica_websites WHERE website_id = ?
            ON CONFLICT DO NOTHING""";
    private static final String EXPIRE_OTHERS = """
            UPDATE replica_keys SET expires_at = ?
            WHERE website_id = ? AND kind = ? AND expires_at IS NULL AND key_id <> ?""";
    private static final String REVOKE = """
            UPDATE replica_keys SET revoked = TRUE
            WHERE website_id = ? AND (key_id = ? OR public_key = ?)""";

    /** Stores the first keys of a new website; an event without key ids names its public key by the key itself. */
    void created(Connection connection, UUID websiteId, WebsiteCreated event) throws SQLException {
        String publicKey = required("public_key", event.getPublicKey());
        String publicKeyId = optional(event.getPublicKeyId());
        insert(connection, websiteId, publicKeyId == null ? publicKey : publicKeyId, "PUBLIC", publicKey, null);
        if (!event.getSecretKeyId().isEmpty() && !event.getSecretKeySha256().isEmpty()) {
            insert(connection, websiteId, event.getSecretKeyId(), "SECRET", null, event.getSecretKeySha256().toByteArray());
        }
    }

    /** Applies a rotation (a new current key; the others of its kind work until the overlap ends) or a revocation. */
    void rotated(Connection connection, UUID websiteId, KeyRotated event, Instant at) throws SQLException {
        String keyId = required("key_id", event.getKeyId());
        if (event.getRevoked()) {
            revoke(connection, websiteId, keyId, optional(event.getPublicKey()));
            return;
        }
        String kind = kind(event.getKind());
        Instant overlapUntil = instant(event.getOverlapUntil());
        try (PreparedStatement update = connection.prepareStatement(EXPIRE_OTHERS)) {
            update.setTimestamp(1, Timestamp.from(overlapUntil == null ? at : overlapUntil));
            update.setObject(2, websiteId);
            update.setString(3, kind);
            update.setString(4, keyId);
            update.executeUpdate();
        }
        if (kind.equals("PUBLIC")) {
            insert(connection, websiteId, keyId, kind, required("public_key", event.getPublicKey()), null);
        } else if (!event.getSecretKeySha256().isEmpty()) {
            insert(connection, websiteId, keyId, kind, null, event.getSecretKeySha256().toByteArray());
        }
    }

    private static void revoke(Connection connection, UUID websiteId, String keyId, String publicKey) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(REVOKE)) {
            update.setObject(1, websiteId);
            update.setString(2, keyId);
            update.setString(3, publicKey);
            update.executeUpdate();
        }
    }

    private static void insert(Connection connection, UUID websiteId, String keyId, String kind, String publicKey, byte[] secretHash)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, keyId);
            insert.setString(2, kind);
            insert.setString(3, publicKey);
            insert.setBytes(4, secretHash);
            insert.setObject(5, websiteId);
            insert.executeUpdate();
        }
    }

    private static String kind(KeyKind kind) {
        return switch (kind) {
            case KEY_KIND_PUBLIC -> "PUBLIC";
            case KEY_KIND_SECRET -> "SECRET";
            default -> throw new EventFields.MalformedEvent("kind is " + kind);
        };
    }
}
