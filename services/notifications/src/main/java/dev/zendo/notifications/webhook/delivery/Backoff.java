package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookSettings;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before a delivery's next attempt: {@code initial-backoff} after the first failure, doubling after each
 * further one up to {@code max-backoff}, plus a random share ({@code jitter}) of it so retries spread out.
 */
@Singleton
class Backoff {

    private final WebhookSettings settings;

    Backoff(WebhookSettings settings) {
        this.settings = settings;
    }

    /** The pause after the {@code failures}-th failed attempt (1 for the first). */
    Duration after(int failures) {
        Duration pause = settings.initialBackoff();
        for (int i = 1; i < failures && pause.compareTo(settings.maxBackoff()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        if (pause.compareTo(settings.maxBackoff()) > 0) {
            pause = settings.maxBackoff();
        }
        long extra = (long) (pause.toMillis() * settings.jitter() * ThreadLocalRandom.current().nextDouble());
        return pause.plusMillis(extra);
    }
}
