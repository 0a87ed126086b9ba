package dev.zendo.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The NOTIFY channel that wakes the relays of one service's outbox, named after the schema its {@code outbox} table is
 * in: the instances of a service wake each other, and the other services sharing the database sleep on (one channel
 * for all had every relay claim an empty batch each time any service published one).
 */
final class OutboxChannel {

    private static final String NAME = "'zendo_outbox_' || current_schema()";

    /** Notifies the relays of the outbox in the connection's current schema. */
    static final String NOTIFY = "SELECT pg_notify(" + NAME + ", '')";

    private static final String LISTEN = "DO $$ BEGIN EXECUTE format('LISTEN %I', " + NAME + "); END $$";

    private OutboxChannel() {
    }

    /** LISTENs on {@code connection} (in auto-commit) to the channel of the outbox in its current schema. */
    static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(LISTEN);
        }
    }
}
