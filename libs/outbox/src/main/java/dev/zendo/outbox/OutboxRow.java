package dev.zendo.outbox;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zendo.events.v1.Envelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * One claimed outbox row.
 *
 * @param id        position in the outbox: the publishing order
 * @param eventId   the envelope's event id
 * @param topic     where it goes
 * @param key       its Kafka key
 * @param payload   the serialized envelope
 * @param attempts  how many earlier attempts to publish it failed
 * @param ageMicros how long ago it was written to the outbox, when it was claimed, in microseconds
 */
record OutboxRow(long id, UUID eventId, String topic, String key, byte[] payload, int attempts, long ageMicros) {

    /** The Kafka record, with the {@code event_id} and {@code event_type} headers. */
    /** The topic and key, whose rows are published in id order. */
    List<String> topicAndKey() {
        return List.of(topic, key);
    }

    ProducerRecord<String, byte[]> toRecord() throws InvalidProtocolBufferException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event_type", Envelope.parseFrom(payload).getType().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }
}
