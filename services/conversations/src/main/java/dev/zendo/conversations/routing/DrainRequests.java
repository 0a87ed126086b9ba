package dev.zendo.conversations.routing;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs drains off the caller's thread: requests for a website that is already waiting for a drain are folded into it,
 * so a burst of queued threads or freed slots costs one drain. A failed drain is logged; the sweep tries again.
 */
@Singleton
class DrainRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DrainRequests.class);

    private final Router router;
    private final ExecutorService workers;
    private final ConcurrentHashMap<UUID, Set<UUID>> waiting = new ConcurrentHashMap<>();

    DrainRequests(Router router, RoutingSettings settings) {
        this.router = router;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.drainThreads(), runnable -> {
            Thread thread = new Thread(runnable, "routing-drain-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a drain of {@code websiteId}'s queues. */
    void request(UUID websiteId) {
        request(websiteId, null);
    }

    /** Asks for a drain of {@code websiteId}'s queues after {@code enteredThread} (if any) joined one. */
    void request(UUID websiteId, UUID enteredThread) {
        boolean[] first = {false};
        waiting.compute(websiteId, (id, entered) -> {
            Set<UUID> threads = entered;
            if (threads == null) {
                threads = ConcurrentHashMap.newKeySet();
                first[0] = true;
            }
            if (enteredThread != null) {
                threads.add(enteredThread);
            }
            return threads;
        });
        if (first[0] && !workers.isShutdown()) {
            workers.execute(() -> drain(websiteId));
        }
    }

    private void drain(UUID websiteId) {
        Set<UUID> entered = waiting.remove(websiteId);
        try {
            router.drain(websiteId, entered == null ? Set.of() : entered);
        } catch (RuntimeException e) {
            if (!workers.isShutdown()) {
                LOG.warn("routing: draining the queues of website {} failed; the sweep tries again", websiteId, e);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
