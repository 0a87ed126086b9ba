package dev.zendo.notifications.webhook.delivery;

import dev.zendo.events.v1.Envelope;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.SiteEventHandler;
import dev.zendo.notifications.webhook.EventTypes;
import dev.zendo.notifications.webhook.payload.WebhookPayloads;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues each website event for the active subscriptions of its website that want its type: one delivery row per
 * subscription, written in the inbox's transaction (so an event is queued exactly when it is marked processed, and a
 * redelivered event finds its mark and queues nothing), and the dispatcher is woken once it commits.
 */
@Singleton
class DeliveryQueue implements SiteEventHandler {

    private static final TransactionDefinition INBOX_TRANSACTION = TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);
    private static final String WANTED = """
            SELECT id FROM webhook_subscriptions
            WHERE website_id = ? AND active AND event_types && ARRAY[?, '*']::text[]""";
    private static final String EVENT = """
            INSERT INTO webhook_events (event_id, website_id, event_type, body) VALUES (?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String DELIVERY = """
            INSERT INTO webhook_deliveries (id, subscription_id, event_id, ordering_key, status, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, 'pending', now(), now())
            ON CONFLICT (subscription_id, event_id) DO NOTHING""";

    private final NotificationsSettings settings;
    private final WebhookPayloads payloads;
    private final TransactionOperations<Connection> transactions;
    private final DeliveryDispatcher dispatcher;

    DeliveryQueue(NotificationsSettings settings, WebhookPayloads payloads, TransactionOperations<Connection> transactions,
                  DeliveryDispatcher dispatcher) {
        this.settings = settings;
        this.payloads = payloads;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    @Override
    public NotificationsSettings settings() {
        return settings;
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        String type = WebhookPayloads.type(event);
        UUID websiteId = uuid(event.getWebsiteId());
        UUID eventId = uuid(event.getEventId());
        if (!EventTypes.delivered(type) || websiteId == null || eventId == null) {
            return;
        }
        List<UUID> subscriptions = wanting(connection, websiteId, type);
        if (subscriptions.isEmpty()) {
            return;
        }
        Optional<String> body = payloads.body(event, eventId, websiteId);
        if (body.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(EVENT)) {
            insert.setObject(1, eventId);
            insert.setObject(2, websiteId);
            insert.setString(3, type);
            insert.setString(4, body.get());
            insert.executeUpdate();
        }
        String orderingKey = orderingKey(event);
        try (PreparedStatement insert = connection.prepareStatement(DELIVERY)) {
            for (UUID subscription : subscriptions) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, subscription);
                insert.setObject(3, eventId);
                insert.setString(4, orderingKey);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        transactions.execute(INBOX_TRANSACTION, status -> {
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
            return null;
        });
    }

    private static List<UUID> wanting(Connection connection, UUID websiteId, String type) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WANTED)) {
            select.setObject(1, websiteId);
            select.setString(2, type);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }

    /** What deliveries are kept in order by: the conversation, else the visitor, else the website as a whole. */
    private static String orderingKey(Envelope event) {
        if (event.hasConversationId() && !event.getConversationId().isEmpty()) {
            return "conversation:" + event.getConversationId();
        }
        if (event.hasVisitorId() && !event.getVisitorId().isEmpty()) {
            return "visitor:" + event.getVisitorId();
        }
        return "website";
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
