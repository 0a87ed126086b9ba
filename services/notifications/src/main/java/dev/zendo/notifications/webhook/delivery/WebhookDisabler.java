package dev.zendo.notifications.webhook.delivery;

import dev.zendo.platform.jdbc.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Turns off a subscription whose deliveries keep failing: the one place that happens. */
@Singleton
public class WebhookDisabler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDisabler.class);

    private final Sql sql;
    private final WebhookMetrics metrics;
    private final JdbcOperations jdbc;
    private final DisabledWebhookMail mail;

    WebhookDisabler(Sql sql, WebhookMetrics metrics, JdbcOperations jdbc, DisabledWebhookMail mail) {
        this.sql = sql;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.mail = mail;
    }

    /**
     * Disables the subscription after {@code failures} deliveries in a row were given up, in the caller's transaction
     * (the one recording the last failure); nothing when it is no longer active. New events are no longer queued for it
     * and its pending deliveries wait until an owner or admin makes it active again. The website's owners and admins are
     * mailed about it in the same transaction.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void disable(UUID websiteId, UUID subscriptionId, int failures) {
        int changed = sql.update("""
                UPDATE webhook_subscriptions SET active = false, disabled_at = now(), updated_at = now()
                WHERE id = ? AND active""", subscriptionId);
        if (changed == 1) {
            String url = sql.list("SELECT url FROM webhook_subscriptions WHERE id = ?", row -> row.getString(1), subscriptionId).get(0);
            jdbc.execute(connection -> {
                mail.send(connection, websiteId, subscriptionId, url, failures);
                return null;
            });
            metrics.disabled();
            LOG.warn("webhooks: disabled subscription {} of website {} after {} failed deliveries in a row", subscriptionId, websiteId,
                    failures);
        }
    }
}
