package dev.zendo.outbox;

import dev.zendo.events.v1.Envelope;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Writes events to this service's {@code outbox} table in the caller's transaction, for the relay to publish. */
@Singleton
public class Outbox {

    static final String CHANNEL = "zendo_outbox";
    /** Kafka's default record limit is 1 MiB; a larger event could never be published and would hold up the outbox. */
    static final int MAX_EVENT_BYTES = 1_000_000;

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final String INSERT = "INSERT INTO outbox (event_id, topic, event_key, payload) "
            + "SELECT ?, ?, ?, ? FROM pg_notify('" + CHANNEL + "', '')";
    private static final TransactionDefinition CALLERS_TRANSACTION = TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);

    private final TransactionOperations<Connection> transactions;
    private final RelaySignal signal;

    Outbox(TransactionOperations<Connection> transactions, RelaySignal signal) {
        this.transactions = transactions;
        this.signal = signal;
    }

    /**
     * Adds {@code event} to the outbox in the current transaction: it is published to {@code topic} with
     * {@code key} once that transaction commits, and never if it rolls back.
     *
     * @throws io.micronaut.transaction.exceptions.IllegalTransactionStateException when there is no current transaction
     * @throws IllegalArgumentException when the topic is no Kafka topic name, the event has no UUID event id, its type
     *                                  does not match its payload, or it is too large for Kafka
     */
    public void append(String topic, String key, Envelope event) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name");
        }
        if (key == null) {
            throw new IllegalArgumentException("an outbox event needs a key");
        }
        UUID eventId = UUID.fromString(event.getEventId());
        String expectedType = Events.type(event.getPayloadCase());
        if (!expectedType.equals(event.getType())) {
            throw new IllegalArgumentException("event type '" + event.getType() + "' does not match its payload (" + expectedType + "): build it with Events.build");
        }
        byte[] payload = event.toByteArray();
        if (payload.length > MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("event " + eventId + " has " + payload.length + " bytes, more than the " + MAX_EVENT_BYTES + " Kafka accepts");
        }
        transactions.execute(CALLERS_TRANSACTION, status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT)) {
                insert.setObject(1, eventId);
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setBytes(4, payload);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("cannot append event " + eventId + " to the outbox: " + e.getMessage(), e);
            }
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
            return null;
        });
    }
}
