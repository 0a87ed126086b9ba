package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attempts due deliveries on a bounded pool of its own ({@code concurrency} threads, never an event loop): one thread
 * claims as many as there are free workers ({@code FOR UPDATE SKIP LOCKED}, so instances share the work), each worker
 * sends one and records its outcome. Woken when the inbox queues deliveries and when a worker finishes; otherwise it
 * looks every {@code poll-interval}.
 */
@Singleton
@Requires(beans = DataSource.class)
class DeliveryDispatcher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);
    /** How long past the attempt timeout a claimed delivery stays leased to the dispatcher that claimed it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final WebhookMetrics metrics;
    private final WebhookSettings settings;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object signal = new Object();
    private final ThreadPoolExecutor workers;

    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private long backlogCheckedAt;

    DeliveryDispatcher(DeliveryStore store, DeliverySender sender, DeliveryOutcomes outcomes, WebhookMetrics metrics,
                       WebhookSettings settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.concurrency()), runnable -> {
            Thread worker = new Thread(runnable, "webhook-delivery-" + threads.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        thread = new Thread(this::dispatch, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the dispatcher look for due deliveries now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(settings.pollInterval().toMillis() + 1_000);
        }
        workers.shutdown();
        workers.awaitTermination(settings.attemptTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    private void dispatch() {
        Duration lease = settings.attemptTimeout().plus(LEASE_MARGIN);
        while (running) {
            int free = settings.concurrency() - inFlight.get();
            int claimed = 0;
            if (free > 0) {
                try {
                    List<PendingDelivery> due = store.claim(free, lease);
                    claimed = due.size();
                    due.forEach(this::start);
                } catch (RuntimeException e) {
                    LOG.warn("webhooks: cannot claim due deliveries: {}", e.toString());
                }
            }
            refreshBacklog();
            if (claimed < free || inFlight.get() >= settings.concurrency()) {
                await();
            }
        }
    }

    private void start(PendingDelivery delivery) {
        inFlight.incrementAndGet();
        workers.execute(() -> {
            try {
                Instant attemptedAt = clock.instant();
                outcomes.automatic(delivery, attemptedAt, sender.send(delivery));
            } catch (RuntimeException e) {
                LOG.warn("webhooks: cannot record the attempt of delivery {}; it is tried again when its lease ends: {}", delivery.id(),
                        e.toString());
            } finally {
                inFlight.decrementAndGet();
                wake();
            }
        });
    }

    private void refreshBacklog() {
        long now = System.nanoTime();
        if (now - backlogCheckedAt < BACKLOG_EVERY.toNanos()) {
            return;
        }
        backlogCheckedAt = now;
        try {
            metrics.backlog(store.backlog());
        } catch (RuntimeException e) {
            LOG.debug("webhooks: cannot count the backlog", e);
        }
    }

    private void await() {
        synchronized (signal) {
            try {
                if (!woken && running) {
                    signal.wait(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
