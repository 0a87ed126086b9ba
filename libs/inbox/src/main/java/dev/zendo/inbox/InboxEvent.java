package dev.zendo.inbox;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zendo.events.v1.Envelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.UUID;

/** A record read as an event: its envelope and the id it is deduplicated by. */
record InboxEvent(UUID eventId, Envelope envelope) {

    /** Reads {@code record}; a record that is no envelope, or carries no valid event id, is unreadable. */
    static InboxEvent read(ConsumerRecord<String, byte[]> record) throws UnreadableRecord {
        if (record.value() == null) {
            throw new UnreadableRecord("the record has no value");
        }
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableRecord("the record is no Envelope: " + e.getMessage());
        }
        try {
            return new InboxEvent(UUID.fromString(envelope.getEventId()), envelope);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecord("the envelope's event_id is no UUID");
        }
    }

    /** A record no attempt can handle: it is parked at once. */
    static final class UnreadableRecord extends Exception {
        UnreadableRecord(String message) {
            super(message, null, false, false);
        }
    }
}
