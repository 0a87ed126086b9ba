package dev.zendo.inbox

import dev.zendo.events.v1.Envelope

import java.sql.Connection
import java.sql.SQLTransientConnectionException
import java.util.concurrent.atomic.AtomicInteger
import java.util.regex.Pattern

/**
 * The specs' handler: fails as if the database were unreachable while {@code unreachableLeft} lasts; else writes a
 * {@code seen} row, then fails while {@code failuresLeft} lasts, and always for a message whose body is {@code refused}.
 */
class RecordingHandler implements EventHandler {

    final String topic
    final Pattern pattern
    final AtomicInteger calls = new AtomicInteger()
    final AtomicInteger failuresLeft = new AtomicInteger()
    final AtomicInteger unreachableLeft = new AtomicInteger()

    RecordingHandler(String topic, Pattern pattern = null) {
        this.topic = topic
        this.pattern = pattern
    }

    @Override
    Set<String> topics() {
        topic == null ? [] as Set : [topic] as Set
    }

    @Override
    Optional<Pattern> topicPattern() {
        Optional.ofNullable(pattern)
    }

    @Override
    void handle(Envelope event, Connection connection) {
        calls.incrementAndGet()
        if (unreachableLeft.getAndDecrement() > 0) {
            throw new SQLTransientConnectionException('Connection is not available, request timed out')
        }
        def insert = connection.prepareStatement('INSERT INTO seen (event_id, key, seq) VALUES (?, ?, ?)')
        insert.setObject(1, UUID.fromString(event.eventId))
        insert.setString(2, event.conversationId)
        insert.setLong(3, event.messageCreated.seq)
        insert.executeUpdate()
        insert.close()
        if (event.messageCreated.body == 'refused') {
            throw new IllegalStateException("refused event ${event.eventId}")
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException('not yet')
        }
    }
}
