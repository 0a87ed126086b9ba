package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookSettings;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records what an attempt came to, in one transaction: the attempt in the delivery log, and the delivery delivered,
 * scheduled again after a backoff, or given up once its next attempt would fall past the retry window. Deliveries
 * given up in a row count against their subscription, which is disabled after {@code disable-after-failures} of them;
 * a delivered one clears the count. A delivery deleted meanwhile (with its subscription) records nothing.
 */
@Singleton
class DeliveryOutcomes {

    private static final String LOG_ATTEMPT = """
            INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error, manual)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final Backoff backoff;
    private final WebhookDisabler disabler;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    DeliveryOutcomes(Sql sql, Backoff backoff, WebhookDisabler disabler, WebhookSettings settings, WebhookMetrics metrics, Clock clock) {
        this.sql = sql;
        this.backoff = backoff;
        this.disabler = disabler;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The outcome of the dispatcher's attempt at {@code delivery}, started at {@code attemptedAt}. */
    @Transactional
    void automatic(PendingDelivery delivery, Instant attemptedAt, AttemptResult result) {
        metrics.attempted(result);
        if (result.delivered()) {
            if (delivered(delivery, true)) {
                log(delivery.id(), attemptedAt, result, false);
                metrics.delivered();
            }
            return;
        }
        int failures = delivery.attempts() + 1;
        Instant retryAt = clock.instant().plus(backoff.after(failures));
        boolean giveUp = retryAt.isAfter(delivery.createdAt().plus(settings.retryWindow()));
        int changed = giveUp
                ? sql.update("UPDATE webhook_deliveries SET attempts = attempts + 1, status = 'failed', finished_at = now() WHERE id = ? AND status = 'pending'",
                delivery.id())
                : sql.update("UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND status = 'pending'",
                retryAt, delivery.id());
        if (changed == 0) {
            return;
        }
        log(delivery.id(), attemptedAt, result, false);
        if (!giveUp) {
            metrics.retrying();
            return;
        }
        metrics.failed();
        int inARow = sql.one("""
                UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = ?
                RETURNING consecutive_failures""", row -> row.getInt(1), delivery.subscriptionId()).orElse(0);
        if (inARow >= settings.disableAfterFailures()) {
            disabler.disable(delivery.websiteId(), delivery.subscriptionId(), inARow);
        }
    }

    /** The outcome of a redelivery an owner or admin asked for: a success delivers it, a failure is only logged. */
    @Transactional
    void manual(PendingDelivery delivery, Instant attemptedAt, AttemptResult result) {
        metrics.attempted(result);
        metrics.manual();
        boolean exists = result.delivered() ? delivered(delivery, false)
                : sql.one("SELECT 1 FROM webhook_deliveries WHERE id = ?", row -> 1, delivery.id()).isPresent();
        if (exists) {
            log(delivery.id(), attemptedAt, result, true);
        }
    }

    /** Marks the delivery delivered (counting the attempt when {@code automatic}) and clears its subscription's failures. */
    private boolean delivered(PendingDelivery delivery, boolean automatic) {
        int changed = sql.update("""
                UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + ?,
                    finished_at = CASE WHEN status = 'delivered' THEN finished_at ELSE now() END
                WHERE id = ?""", automatic ? 1 : 0, delivery.id());
        if (changed == 1) {
            sql.update("UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0",
                    delivery.subscriptionId());
        }
        return changed == 1;
    }

    private void log(UUID deliveryId, Instant attemptedAt, AttemptResult result, boolean manual) {
        sql.update(LOG_ATTEMPT, deliveryId, attemptedAt, result.statusCode(), (int) Math.min(Integer.MAX_VALUE, result.latencyMillis()),
                result.responseExcerpt(), result.error(), manual);
    }
}
