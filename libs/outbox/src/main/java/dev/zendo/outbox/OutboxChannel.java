package dev.zendo.outbox;

import jakarta.inject.Singleton;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The NOTIFY channel that wakes the relays of one service's outbox, named after the schema its {@code outbox} table is
 * in: the instances of a service wake each other, and the other services sharing the database sleep on (one channel
 * for all had every relay claim an empty batch each time any service published one). A notification carries the
 * notifying instance's id, so that its own listener sleeps through it: the instance woke its relay in-process, or it
 * is the relay that notified (its own notice had it claim an empty batch after every batch it published).
 */
@Singleton
final class OutboxChannel {

    private static final String NAME = "'zendo_outbox_' || current_schema()";
    private static final String NOTIFY = "SELECT pg_notify(" + NAME + ", ?)";
    private static final String LISTEN = "DO $$ BEGIN EXECUTE format('LISTEN %I', " + NAME + "); END $$";

    private final String instance = UUID.randomUUID().toString();

    /** Notifies the relays of the other instances of the outbox in the connection's current schema. */
    void notifyOthers(Connection connection) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
            notify.setString(1, instance);
            notify.execute();
        }
    }

    /** LISTENs on {@code connection} (in auto-commit) to the channel of the outbox in its current schema. */
    void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(LISTEN);
        }
    }

    /** Whether any of {@code received} came from another instance than this one. */
    boolean fromOthers(PGNotification[] received) {
        if (received == null) {
            return false;
        }
        for (PGNotification notification : received) {
            if (!instance.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }
}
