package dev.zendo.outbox;

import dev.zendo.events.v1.Envelope;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes events to this service's {@code outbox} table in the caller's transaction, for the relay to publish.
 * The rows are inserted just before the transaction commits, under a lock per topic and key held through the commit,
 * so the ids of a key's rows follow the commit order whatever else the caller locks.
 */
@Singleton
public class Outbox {

    /** Kafka's default record limit is 1 MiB; a larger event could never be published and would hold up the outbox. */
    static final int MAX_EVENT_BYTES = 1_000_000;

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final TransactionDefinition CALLERS_TRANSACTION = TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);

    private final TransactionOperations<Connection> transactions;
    private final RelaySignal signal;
    private final OtherInstances otherInstances;
    private final Map<Connection, PendingEvents> pending = Collections.synchronizedMap(new IdentityHashMap<>());

    Outbox(TransactionOperations<Connection> transactions, RelaySignal signal, OtherInstances otherInstances) {
        this.transactions = transactions;
        this.signal = signal;
        this.otherInstances = otherInstances;
    }

    /**
     * Adds {@code event} to the outbox in the current transaction: it is published to {@code topic} with
     * {@code key} once that transaction commits, and never if it rolls back. Events of one topic and key are
     * published in the order their transactions commit (in append order within one transaction).
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
        PendingEvent appended = new PendingEvent(eventId, topic, key, payload);
        transactions.execute(CALLERS_TRANSACTION, status -> {
            pendingOf(status).add(appended);
            return null;
        });
    }

    private PendingEvents pendingOf(TransactionStatus<Connection> status) {
        Connection connection = status.getConnection();
        PendingEvents events = pending.get(connection);
        if (events == null) {
            events = new PendingEvents(connection, () -> pending.remove(connection), signal, otherInstances);
            pending.put(connection, events);
            status.registerSynchronization(events);
        }
        return events;
    }
}
