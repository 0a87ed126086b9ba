package dev.zendo.outbox;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;

/** Deletes sent rows once {@code zendo.outbox.retention} has passed: their payloads must not linger. */
@Singleton
class SentRowCleanup {

    private static final String DELETE_SENT = "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - ? * interval '1 millisecond'";

    private final TransactionOperations<Connection> transactions;
    private final OutboxSettings settings;
    private long nextRun = System.nanoTime();

    SentRowCleanup(TransactionOperations<Connection> transactions, OutboxSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Deletes what is due when a cleanup interval has passed since the last run, and says whether it ran; called by the relay's thread. */
    boolean runIfDue() {
        if (System.nanoTime() - nextRun < 0) {
            return false;
        }
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(DELETE_SENT)) {
                delete.setLong(1, settings.retention().toMillis());
                return delete.executeUpdate();
            }
        });
        nextRun = System.nanoTime() + settings.cleanupInterval().toNanos();
        return true;
    }
}
