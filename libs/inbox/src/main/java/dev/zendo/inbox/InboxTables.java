package dev.zendo.inbox;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/** The statements on the inbox's own tables. */
@Singleton
class InboxTables {

    private static final String MARK_PROCESSED = "INSERT INTO inbox_processed (event_id, topic) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String PARK = "INSERT INTO inbox_parked (topic, topic_partition, record_offset, record_key, event_id, attempts, error) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** Marks {@code eventId} processed in the transaction of {@code connection}; false when it already was. */
    boolean markProcessed(Connection connection, UUID eventId, String topic) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            return insert.executeUpdate() == 1;
        }
    }

    /** Parks {@code record} (where it is, never its payload) with {@code error}; parking it again changes nothing. */
    void park(Connection connection, ConsumerRecord<String, byte[]> record, UUID eventId, int attempts, String error) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(PARK)) {
            insert.setString(1, record.topic());
            insert.setInt(2, record.partition());
            insert.setLong(3, record.offset());
            insert.setString(4, record.key());
            if (eventId == null) {
                insert.setNull(5, Types.OTHER);
            } else {
                insert.setObject(5, eventId);
            }
            insert.setInt(6, attempts);
            insert.setString(7, error);
            insert.executeUpdate();
        }
    }
}
