package dev.zendo.outbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** Records in the claiming transaction what became of published rows: sent, to be retried later, or parked. */
@Singleton
class OutboxMarks {

    private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY (?)";
    private static final String FAILED = """
            UPDATE outbox SET attempts = attempts + 1, last_error = ?,
                              retry_at = now() + ? * interval '1 millisecond',
                              parked_at = CASE WHEN ? THEN now() END
            WHERE id = ?""";

    private final OutboxChannel channel;

    OutboxMarks(OutboxChannel channel) {
        this.channel = channel;
    }

    void sent(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setArray(1, OutboxClaim.ids(connection, rows));
            update.executeUpdate();
        }
        channel.notifyOthers(connection); // wakes the relays of other instances whose rows waited for these
    }

    /** Counts a failed attempt of {@code row}: it is tried again after {@code retryAfter}, or never again unless retried when {@code park}. */
    void failed(Connection connection, OutboxRow row, String error, Duration retryAfter, boolean park) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(FAILED)) {
            update.setString(1, error);
            update.setLong(2, retryAfter.toMillis());
            update.setBoolean(3, park);
            update.setLong(4, row.id());
            update.executeUpdate();
        }
    }
}
