package dev.zendo.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The NOTIFY channel that wakes the relays of one service's outbox, named after the schema its {@code outbox} table is
 * in: the instances of a service wake each other, and the other services sharing the database sleep on (one channel
 * for all had every relay claim an empty batch each time any service published one).
 */
final class OutboxChannel {

    /** Notifies the relays of the outbox in the connection's current schema. */
    static final String NOTIFY = "SELECT pg_notify('zendo_outbox_' || current_schema(), '')";

    private static final String NAME = "SELECT 'zendo_outbox_' || current_schema()";

    private OutboxChannel() {
    }

    /** LISTENs on {@code connection} to the channel of the outbox in its current schema. */
    static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String channel;
            try (ResultSet name = statement.executeQuery(NAME)) {
                if (!name.next() || name.getString(1) == null) {
                    throw new SQLException("the outbox's connection has no current schema to name its channel after");
                }
                channel = name.getString(1);
            }
            statement.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        }
    }
}
