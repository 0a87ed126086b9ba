package dev.zendo.notifications.webhook;

import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions as stored, in the caller's transaction. */
@Singleton
public class WebhookStore {

    private static final String COLUMNS = """
            id, website_id, url, event_types, description, active, secret_ciphertext, secret_hint, consecutive_failures,
            disabled_at, created_by, created_at, updated_at""";

    private final Sql sql;

    WebhookStore(Sql sql) {
        this.sql = sql;
    }

    /** Serializes changes to one website's subscriptions until the transaction ends. */
    void lockWebsite(UUID websiteId) {
        sql.list("SELECT pg_advisory_xact_lock(hashtextextended('webhooks:' || CAST(? AS text), 0))", row -> 1, websiteId);
    }

    int count(UUID websiteId) {
        return sql.one("SELECT count(*) FROM webhook_subscriptions WHERE website_id = ?", row -> row.getInt(1), websiteId).orElse(0);
    }

    void insert(Subscription s) {
        sql.update("INSERT INTO webhook_subscriptions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.websiteId(), s.url(), s.eventTypes(), s.description(), s.active(), s.secretCiphertext(), s.secretHint(),
                s.consecutiveFailures(), s.disabledAt(), s.createdBy(), s.createdAt(), s.updatedAt());
    }

    /** The website's subscriptions, oldest first. */
    List<Subscription> list(UUID websiteId) {
        return sql.list("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE website_id = ? ORDER BY created_at, id",
                WebhookStore::subscription, websiteId);
    }

    /** The subscription, when it belongs to {@code websiteId}; locked until the transaction ends when {@code lock}. */
    public Optional<Subscription> find(UUID websiteId, UUID id, boolean lock) {
        return sql.one("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ? AND website_id = ?" + (lock ? " FOR UPDATE" : ""),
                WebhookStore::subscription, id, websiteId);
    }

    void update(Subscription s) {
        sql.update("""
                UPDATE webhook_subscriptions SET url = ?, event_types = ?, description = ?, active = ?, secret_ciphertext = ?,
                    secret_hint = ?, consecutive_failures = ?, disabled_at = ?, updated_at = ?
                WHERE id = ?""",
                s.url(), s.eventTypes(), s.description(), s.active(), s.secretCiphertext(), s.secretHint(), s.consecutiveFailures(),
                s.disabledAt(), s.updatedAt(), s.id());
    }

    void delete(UUID id) {
        sql.update("DELETE FROM webhook_subscriptions WHERE id = ?", id);
    }

    static Subscription subscription(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        return new Subscription(row.getObject("id", UUID.class), row.getObject("website_id", UUID.class), row.getString("url"),
                List.copyOf(Arrays.asList((String[]) types.getArray())), row.getString("description"), row.getBoolean("active"),
                row.getBytes("secret_ciphertext"), row.getString("secret_hint"), row.getInt("consecutive_failures"),
                Sql.instant(row, "disabled_at"), row.getString("created_by"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
