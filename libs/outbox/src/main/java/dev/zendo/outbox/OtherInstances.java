package dev.zendo.outbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the relays of other instances with a NOTIFY in at most one committing transaction per
 * {@code zendo.outbox.notify-interval}: PostgreSQL serializes the commits of notifying transactions, so notifying on
 * every append would cap this service's write rate. The appending instance's own relay is woken in-process.
 */
@Singleton
class OtherInstances {

    private final long intervalNanos;
    private final OutboxChannel channel;
    private final AtomicLong nextNotify = new AtomicLong(System.nanoTime());

    OtherInstances(OutboxSettings settings, OutboxChannel channel) {
        this.intervalNanos = settings.notifyInterval().toNanos();
        this.channel = channel;
    }

    /** Adds a NOTIFY to the transaction of {@code connection} unless another transaction sent one less than an interval ago. */
    void maybeWake(Connection connection) throws SQLException {
        long due = nextNotify.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextNotify.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        channel.notifyOthers(connection);
    }
}
