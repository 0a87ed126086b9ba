package dev.zendo.outbox;

import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims the next unsent rows in id order, skipping rows other relays hold, rows waiting for a retry or parked, and
 * every later row of a key whose earlier row waits or is parked; then drops the rows of keys with an earlier row
 * that another relay holds, so no key is reordered.
 */
@Singleton
class OutboxClaim {

    private static final String CLAIM = """
            SELECT id, event_id, topic, event_key, payload, attempts,
                   (extract(epoch FROM clock_timestamp() - created_at) * 1000000)::bigint
            FROM outbox o
            WHERE sent_at IS NULL AND parked_at IS NULL AND (retry_at IS NULL OR retry_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox f
                              WHERE f.sent_at IS NULL AND f.attempts > 0
                                AND f.topic = o.topic AND f.event_key = o.event_key AND f.id < o.id
                                AND (f.parked_at IS NOT NULL OR f.retry_at > now()))
            ORDER BY id LIMIT ? FOR UPDATE OF o SKIP LOCKED""";
    private static final String EARLIER_UNCLAIMED = """
            SELECT topic, event_key, min(id) FROM outbox
            WHERE sent_at IS NULL AND id < ? AND id <> ALL (?) GROUP BY topic, event_key""";

    private final OutboxSettings settings;

    OutboxClaim(OutboxSettings settings) {
        this.settings = settings;
    }

    /** The rows claimed in the transaction of {@code connection}, and which of them may be published now. */
    Claimed claim(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getBytes(5), result.getInt(6), result.getLong(7)));
                }
            }
        }
        return new Claimed(rows.size(), rows.isEmpty() ? rows : withoutWaitingKeys(connection, rows));
    }

    private static List<OutboxRow> withoutWaitingKeys(Connection connection, List<OutboxRow> claimed) throws SQLException {
        Map<List<String>, Long> earliestElsewhere = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(EARLIER_UNCLAIMED)) {
            select.setLong(1, claimed.get(claimed.size() - 1).id());
            select.setArray(2, ids(connection, claimed));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    earliestElsewhere.put(List.of(result.getString(1), result.getString(2)), result.getLong(3));
                }
            }
        }
        if (earliestElsewhere.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(row -> earliestElsewhere.getOrDefault(row.topicAndKey(), Long.MAX_VALUE) > row.id())
                .toList();
    }

    static Array ids(Connection connection, List<OutboxRow> rows) throws SQLException {
        return connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray());
    }

    /**
     * What one claim got.
     *
     * @param count how many rows it locked
     * @param ready the rows to publish now, in id order (the others wait for an earlier row another relay holds)
     */
    record Claimed(int count, List<OutboxRow> ready) {
    }
}
