package dev.zendo.conversations.routing;

import dev.zendo.platform.time.Pause;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The safety net, every {@code sweep-interval}: takes threads back from agents offline too long, and drains every
 * website with waiting threads, so a drain lost to a crash, a failed transaction or a missed announcement happens anyway. Every instance sweeps; the website routing lock keeps them from colliding.
 */
@Singleton
class RoutingSweep implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingSweep.class);
    private static final String WAITING = "SELECT DISTINCT website_id FROM threads WHERE status = 'PENDING'";
    private static final String ACTIVE = "SELECT DISTINCT website_id FROM threads WHERE status = 'ACTIVE'";

    private final TransactionOperations<Connection> transactions;
    private final RoutingJdbc sql;
    private final DrainRequests drains;
    private final Reassignment reassignment;
    private final RoutingSettings settings;

    private volatile boolean running;
    private Thread sweeping;

    RoutingSweep(TransactionOperations<Connection> transactions, RoutingJdbc sql, DrainRequests drains,
                 Reassignment reassignment, RoutingSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.drains = drains;
        this.reassignment = reassignment;
        this.settings = settings;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        sweeping = new Thread(this::sweepUntilStopped, "routing-sweep");
        sweeping.setDaemon(true);
        sweeping.start();
    }

    private void sweepUntilStopped() {
        while (running) {
            Pause.upTo(settings.sweepInterval(), () -> running);
            try {
                sweep();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("routing: sweep failed; trying again in {}", settings.sweepInterval(), e);
                }
            }
        }
    }

    /** One pass over every website with active or waiting threads. */
    void sweep() {
        for (UUID websiteId : websites(ACTIVE)) {
            if (running) {
                reassignment.takeBackFromOfflineAgents(websiteId);
            }
        }
        websites(WAITING).forEach(drains::request);
    }

    private List<UUID> websites(String query) {
        return transactions.executeRead(status -> sql.list(query, row -> row.getObject(1, UUID.class)));
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (sweeping != null) {
            sweeping.join(Duration.ofSeconds(5).toMillis());
        }
    }
}
