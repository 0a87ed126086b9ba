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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the handlers of an event's topic in the transaction that marks the event processed, or parks a record. */
@Singleton
class InboxDispatch {

    private final Map<String, List<EventHandler>> handlersByTopic = new HashMap<>();
    private final List<PatternHandler> patternHandlers = new ArrayList<>();
    private final TransactionOperations<Connection> transactions;
    private final InboxTables tables;

    InboxDispatch(List<EventHandler> handlers, TransactionOperations<Connection> transactions, InboxTables tables) {
        handlers.forEach(handler -> {
            handler.topics().forEach(topic -> handlersByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(handler));
            handler.topicPattern().ifPresent(pattern -> patternHandlers.add(new PatternHandler(pattern, handler)));
        });
        this.transactions = transactions;
        this.tables = tables;
    }

    /** The topics some handler consumes. */
    Set<String> topics() {
        return Set.copyOf(handlersByTopic.keySet());
    }

    /** Whether some handler consumes topics by pattern. */
    boolean hasPatterns() {
        return !patternHandlers.isEmpty();
    }

    /** Whether nothing is consumed at all. */
    boolean isEmpty() {
        return handlersByTopic.isEmpty() && patternHandlers.isEmpty();
    }

    /** One pattern for every topic some handler consumes, by name or by pattern. */
    Pattern subscription() {
        return Pattern.compile(Stream.concat(
                handlersByTopic.keySet().stream().sorted().map(Pattern::quote),
                patternHandlers.stream().map(handler -> "(?:" + handler.pattern().pattern() + ")"))
                .collect(Collectors.joining("|")));
    }

    /** The handlers of {@code topic}: those naming it, then those whose pattern matches it, each once. */
    List<EventHandler> handlersOf(String topic) {
        List<EventHandler> named = handlersByTopic.getOrDefault(topic, List.of());
        if (patternHandlers.isEmpty()) {
            return named;
        }
        List<EventHandler> all = new ArrayList<>(named);
        patternHandlers.stream()
                .filter(handler -> handler.pattern().matcher(topic).matches() && !all.contains(handler.handler()))
                .forEach(handler -> all.add(handler.handler()));
        return all;
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
            for (EventHandler handler : handlersOf(record.topic())) {
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

    private record PatternHandler(Pattern pattern, EventHandler handler) {
    }
}
