package dev.zendo.notifications.webhook.delivery;

import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deliveries as stored: claiming due ones without breaking a conversation's order, and reading them back. */
@Singleton
class DeliveryStore {

    private static final String PENDING_COLUMNS = """
            d.id, d.subscription_id, s.website_id, d.event_id, ev.event_type, ev.body, s.url, s.secret_ciphertext, d.attempts,
            d.created_at""";

    /**
     * Due deliveries of active subscriptions that no earlier pending delivery of the same subscription and ordering key
     * holds back, oldest due first; each is leased (its next attempt moved past the lease) so no other dispatcher takes
     * it while this one works on it, and a dispatcher that dies leaves it to be tried again when the lease ends.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM webhook_deliveries d
                JOIN webhook_subscriptions s ON s.id = d.subscription_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.active
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                  WHERE e.subscription_id = d.subscription_id AND e.ordering_key = d.ordering_key
                                    AND e.status = 'pending' AND e.seq < d.seq)
                ORDER BY d.next_attempt_at, d.seq
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => ?)
            FROM due, webhook_subscriptions s, webhook_events ev
            WHERE d.id = due.id AND s.id = d.subscription_id AND ev.event_id = d.event_id
            RETURNING""" + " " + PENDING_COLUMNS;

    private final Sql sql;

    DeliveryStore(Sql sql) {
        this.sql = sql;
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}. */
    @Transactional
    List<PendingDelivery> claim(int limit, Duration lease) {
        return sql.list(CLAIM, DeliveryStore::pending, limit, lease.toMillis() / 1000.0);
    }

    /** The delivery of the website's subscription, for a manual attempt. */
    @Transactional(readOnly = true)
    Optional<PendingDelivery> find(UUID websiteId, UUID subscriptionId, UUID deliveryId) {
        return sql.one("SELECT " + PENDING_COLUMNS + """
                         FROM webhook_deliveries d
                        JOIN webhook_subscriptions s ON s.id = d.subscription_id
                        JOIN webhook_events ev ON ev.event_id = d.event_id
                        WHERE d.id = ? AND d.subscription_id = ? AND s.website_id = ?""",
                DeliveryStore::pending, deliveryId, subscriptionId, websiteId);
    }

    /** Deliveries waiting to be delivered, on every subscription. */
    @Transactional(readOnly = true)
    long backlog() {
        return sql.one("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'", row -> row.getLong(1)).orElse(0L);
    }

    private static PendingDelivery pending(ResultSet row) throws SQLException {
        return new PendingDelivery(row.getObject("id", UUID.class), row.getObject("subscription_id", UUID.class),
                row.getObject("website_id", UUID.class), row.getObject("event_id", UUID.class), row.getString("event_type"),
                row.getString("body"), row.getString("url"), row.getBytes("secret_ciphertext"), row.getInt("attempts"),
                Sql.instant(row, "created_at"));
    }
}
