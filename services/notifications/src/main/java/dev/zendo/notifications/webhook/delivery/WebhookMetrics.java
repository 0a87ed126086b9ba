package dev.zendo.notifications.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook meters: {@code zendo.webhooks.attempts} by outcome ({@code delivered}, {@code retrying}, {@code failed} when
 * given up, {@code manual} for redeliveries asked for), {@code zendo.webhooks.attempt.latency},
 * {@code zendo.webhooks.disabled} and the {@code zendo.webhooks.backlog} gauge (pending deliveries).
 */
@Singleton
class WebhookMetrics {

    private final Counter delivered;
    private final Counter retrying;
    private final Counter failed;
    private final Counter manual;
    private final Counter disabled;
    private final Timer latency;
    private final AtomicLong backlog = new AtomicLong();

    WebhookMetrics(MeterRegistry meters) {
        delivered = outcome(meters, "delivered");
        retrying = outcome(meters, "retrying");
        failed = outcome(meters, "failed");
        manual = outcome(meters, "manual");
        disabled = Counter.builder("zendo.webhooks.disabled").description("Subscriptions disabled after failed deliveries").register(meters);
        latency = Timer.builder("zendo.webhooks.attempt.latency").description("Time of one delivery attempt, connecting included")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("zendo.webhooks.backlog", backlog, AtomicLong::get).description("Deliveries waiting to be delivered").register(meters);
    }

    void attempted(AttemptResult result) {
        latency.record(Duration.ofMillis(result.latencyMillis()));
    }

    void delivered() {
        delivered.increment();
    }

    void retrying() {
        retrying.increment();
    }

    void failed() {
        failed.increment();
    }

    void manual() {
        manual.increment();
    }

    void disabled() {
        disabled.increment();
    }

    void backlog(long pending) {
        backlog.set(pending);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("zendo.webhooks.attempts").tag("outcome", outcome).description("Delivery attempts by outcome")
                .register(meters);
    }
}
