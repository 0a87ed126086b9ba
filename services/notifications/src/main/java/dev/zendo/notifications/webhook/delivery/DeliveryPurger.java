package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookSettings;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Deletes deliveries finished longer than {@code log-retention} ago with their attempts, and the event bodies no
 * delivery needs any more, so visitors' messages do not linger.
 */
@Singleton
class DeliveryPurger {

    private final Sql sql;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveryPurger(Sql sql, WebhookSettings settings, Clock clock) {
        this.sql = sql;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    @Transactional
    public void purge() {
        sql.update("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND finished_at < ?",
                clock.instant().minus(settings.logRetention()));
        sql.update("DELETE FROM webhook_events e WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.event_id)");
    }
}
