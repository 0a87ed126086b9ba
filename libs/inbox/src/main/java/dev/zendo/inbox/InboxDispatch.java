package dev.zendo.inbox;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Runs the handlers of an event's topic in the transaction that marks the event processed, or parks a record. */
@Singleton
class InboxDispatch {

    private final Map<String, List<EventHandler>> handlersByTopic = new HashMap<>();
    private final TransactionOperations<Connection> transactions;
    private final InboxTables tables;

    InboxDispatch(List<EventHandler> handlers, TransactionOperations<Connection> transactions, InboxTables tables) {
        handlers.forEach(handler -> handler.topics().forEach(topic ->
                handlersByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(handler)));
        this.transactions = transactions;
        this.tables = tables;
    }

    /** The topics some handler consumes. */
    Set<String> topics() {
        return Set.copyOf(handlersByTopic.keySet());
    }

    /**
     * In one transaction: marks {@code event} processed and, if it was new, runs its topic's handlers. True when the
     * handlers ran, false when the event was processed before. A failure rolls back the mark with the handlers' work.
     */
    boolean apply(ConsumerRecord<String, byte[]> record, InboxEvent event) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (!tables.markProcessed(connection, event.eventId(), record.topic())) {
                return false;
            }
            for (EventHandler handler : handlersByTopic.getOrDefault(record.topic(), List.of())) {
                handler.handle(event.envelope(), connection);
            }
            return true;
        });
    }

    /** Parks {@code record} in its own transaction. */
    void park(ConsumerRecord<String, byte[]> record, UUID eventId, int attempts, String error) {
        transactions.executeWrite(status -> {
            tables.park(status.getConnection(), record, eventId, attempts, error);
            return null;
        });
    }
}
