package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookStore;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A subscription's delivery log, newest first a page at a time (by {@code seq}), and redelivery on request: a new
 * attempt now, logged as manual. The caller checks the agent's permission ({@code MANAGE_WEBHOOKS}).
 */
@Singleton
public class DeliveryLog {

    /** The most deliveries one page holds. */
    public static final int MAX_LIMIT = 100;

    private static final String PAGE = """
            SELECT d.id, d.seq, d.event_id, ev.event_type, d.status, d.created_at, d.next_attempt_at, d.finished_at
            FROM webhook_deliveries d JOIN webhook_events ev ON ev.event_id = d.event_id
            WHERE d.subscription_id = ? AND d.seq < ? ORDER BY d.seq DESC LIMIT ?""";
    private static final String ONE = """
            SELECT d.id, d.seq, d.event_id, ev.event_type, d.status, d.created_at, d.next_attempt_at, d.finished_at
            FROM webhook_deliveries d JOIN webhook_events ev ON ev.event_id = d.event_id
            WHERE d.id = ?""";
    private static final String ATTEMPTS = """
            SELECT delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error, manual
            FROM webhook_attempts WHERE delivery_id = ANY (?) ORDER BY id""";

    private final Sql sql;
    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DeliveryLog(Sql sql, WebhookStore webhooks, DeliveryStore deliveries, DeliverySender sender, DeliveryOutcomes outcomes,
                TransactionOperations<Connection> transactions, Clock clock) {
        this.sql = sql;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sender = sender;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The deliveries of the website's subscription older than {@code cursor} (the newest when null); 404 for another's. */
    @Transactional(readOnly = true)
    public DeliveryPage page(UUID websiteId, UUID subscriptionId, String cursor, int limit) {
        webhooks.find(websiteId, subscriptionId, false).orElseThrow(() -> ApiException.notFound("Webhook"));
        long before = cursor == null ? Long.MAX_VALUE : parse(cursor);
        List<Row> rows = sql.list(PAGE, DeliveryLog::row, subscriptionId, before, limit + 1);
        List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
        return new DeliveryPage(views(page), rows.size() > limit ? Long.toString(page.get(page.size() - 1).seq()) : null);
    }

    /**
     * Attempts the delivery again now, whatever its status, and answers it with the new attempt logged: delivered when
     * the receiver took it; a failure changes nothing else. 404 for a delivery of another subscription or website.
     */
    public DeliveryView redeliver(UUID websiteId, UUID subscriptionId, UUID deliveryId) {
        PendingDelivery delivery = deliveries.find(websiteId, subscriptionId, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Delivery"));
        Instant attemptedAt = clock.instant();
        outcomes.manual(delivery, attemptedAt, sender.send(delivery));
        return transactions.executeRead(status -> views(sql.list(ONE, DeliveryLog::row, deliveryId)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Delivery")));
    }

    private List<DeliveryView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AttemptView>> attempts = new LinkedHashMap<>();
        rows.forEach(row -> attempts.put(row.id(), new ArrayList<>()));
        sql.list(ATTEMPTS, attempt -> {
            attempts.get(attempt.getObject("delivery_id", UUID.class)).add(new AttemptView(Sql.instant(attempt, "attempted_at"),
                    Sql.intOrNull(attempt, "status_code"), attempt.getInt("latency_ms"), attempt.getString("response_excerpt"),
                    attempt.getString("error"), attempt.getBoolean("manual")));
            return null;
        }, (Object) attempts.keySet().toArray(UUID[]::new));
        return rows.stream().map(row -> new DeliveryView(row.id(), row.eventId(), row.eventType(), row.status(), row.createdAt(),
                row.status() == DeliveryStatus.PENDING ? row.nextAttemptAt() : null, row.finishedAt(),
                List.copyOf(attempts.get(row.id())))).toList();
    }

    private static long parse(String cursor) {
        long seq;
        try {
            seq = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            seq = 0;
        }
        if (seq < 1) {
            throw ApiException.invalid("cursor", "is not a cursor this API gave");
        }
        return seq;
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getObject("id", UUID.class), row.getLong("seq"), row.getObject("event_id", UUID.class),
                row.getString("event_type"), DeliveryStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Sql.instant(row, "created_at"), Sql.instant(row, "next_attempt_at"), Sql.instant(row, "finished_at"));
    }

    private record Row(UUID id, long seq, UUID eventId, String eventType, DeliveryStatus status, Instant createdAt,
                       Instant nextAttemptAt, Instant finishedAt) {
    }
}
